package dev.listening.verify;

import dev.listening.contract.Names;

import java.util.ArrayList;
import java.util.List;

/** The lines ./pipeline verify prints: the reconciliation, then (with --quality) the checks. */
public final class VerifyText {
    private VerifyText() {
    }

    /** {@code show}: how many missing, doubled, dead-lettered, differing or unexpected records and rows to list. */
    public static List<String> reconciliation(Reconciliation.Report report, String topic, String keyspace, int show) {
        Reconciliation.Coverage coverage = report.coverage();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("verify %s -> %s.%s", topic, keyspace, Names.HISTORY_TABLE));
        lines.add(String.format("  range                %s", coverage.range()));
        lines.add("  checked              each record: its row (by primary key; every column against the event, song features");
        lines.add("                       against the songs CSV) or its dead letter (by partition, offset and Kafka timestamp)");
        lines.add(String.format("  strays judged in     %s", coverage.judgedIn()));
        lines.add(String.format("  rows read            %,d in %,d partitions", report.rowsRead(), coverage.partitionsRead()));
        lines.add(String.format("  records in topic     %,d", report.records()));
        lines.add(String.format("  stored as rows       %,d (join misses: %,d)", report.stored(), report.joinMisses()));
        lines.add(String.format("  dead letters         %,d (stale ones, of an earlier topic of the name: %,d)",
                report.deadLetters(), report.staleDeadLetters()));
        lines.add(String.format("  duplicate event ids  %,d (same event at several offsets; stored once)", report.duplicateIdsInTopic()));
        if (report.rowsOfRecordsOutsideRange() > 0) {
            lines.add(String.format("  rows of records outside the range: %,d (explained; not compared)", report.rowsOfRecordsOutsideRange()));
        }
        list(lines, "missing", report.missing(), show);
        list(lines, "doubled", report.doubled(), show);
        list(lines, "dead-lettered events", report.deadLetteredEvents(), show);
        list(lines, "differing rows", report.differing(), show);
        list(lines, "unexpected rows", report.unexpected(), show);
        lines.add(report.passed() ? "verdict: every record stored exactly once, as sent" : "verdict: NOT exactly once as sent");
        return lines;
    }

    /** What failed, on one line: each kind of failure with its count and its first example. */
    public static String problems(Reconciliation.Report report) {
        List<String> problems = new ArrayList<>();
        problem(problems, "missing", report.missing());
        problem(problems, "doubled", report.doubled());
        problem(problems, "dead-lettered events", report.deadLetteredEvents());
        problem(problems, "differing rows", report.differing());
        problem(problems, "unexpected rows", report.unexpected());
        return problems.isEmpty() ? "none" : String.join("; ", problems);
    }

    private static void problem(List<String> problems, String what, List<String> items) {
        if (!items.isEmpty()) {
            problems.add(String.format("%,d %s (first: %s)", items.size(), what, items.get(0)));
        }
    }

    public static List<String> quality(Verifier.QualityReport report, int show) {
        List<String> lines = new ArrayList<>();
        lines.add("quality");
        for (Quality.Check check : report.checks()) {
            lines.add(String.format("  %-20s %s; limit %s: %s", check.name(), check.measure(), check.limit(),
                    check.passed() ? "ok" : "CROSSED"));
        }
        report.rollupMismatches().stream().limit(show).forEach(m -> lines.add("    " + m));
        List<String> crossed = report.checks().stream().filter(c -> !c.passed()).map(Quality.Check::name).toList();
        lines.add(crossed.isEmpty() ? "quality: every threshold met" : "quality: thresholds crossed: " + String.join(", ", crossed));
        return lines;
    }

    private static void list(List<String> lines, String what, List<String> items, int show) {
        lines.add(String.format("  %-20s %,d", what, items.size()));
        items.stream().limit(show).forEach(item -> lines.add("    " + item));
        if (items.size() > show) {
            lines.add(String.format("    … and %,d more", items.size() - show));
        }
    }
}

package dev.listening.verify;

import dev.listening.contract.Names;

import java.util.ArrayList;
import java.util.List;

/** The lines ./pipeline verify prints: the reconciliation, then (with --quality) the checks. */
public final class VerifyText {
    private VerifyText() {
    }

    /** {@code show}: how many missing, doubled or unexpected ids to list. */
    public static List<String> reconciliation(Reconciliation.Report report, String topic, String keyspace, int show) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("verify %s -> %s.%s", topic, keyspace, Names.HISTORY_TABLE));
        lines.add(String.format("  records in topic     %,d", report.records()));
        lines.add(String.format("  stored as rows       %,d (join misses: %,d)", report.stored(), report.joinMisses()));
        lines.add(String.format("  dead letters         %,d", report.deadLetters()));
        lines.add(String.format("  duplicate event ids  %,d (same event at several offsets; stored once)", report.duplicateIdsInTopic()));
        list(lines, "missing", report.missing(), show);
        list(lines, "doubled", report.doubled(), show);
        list(lines, "unexpected rows", report.unexpected(), show);
        lines.add(report.exactlyOnce() ? "verdict: every record stored exactly once" : "verdict: NOT exactly once");
        return lines;
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

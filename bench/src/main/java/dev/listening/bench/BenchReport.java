package dev.listening.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * output/bench/REPORT.md: one table of every measure with its reference and target, the machine and
 * versions it ran on, the charts, and links to each benchmark's own report.
 *
 * @param charts  chart file name -> caption; @param details report file name -> what it holds
 */
record BenchReport(Instant started, Duration took, String mode, String stack, Machine machine, List<Measure> measures,
                   Map<String, String> charts, Map<String, String> details) {
    static final String TABLE_HEADER = "| measure | ours | reference | ratio | target | pass/fail |";

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("# Benchmark report");
        lines.add("");
        lines.add("- date: " + started.truncatedTo(ChronoUnit.SECONDS) + String.format(Locale.ROOT, " (%s run, %d min %02d s)",
                mode, took.toMinutes(), took.toSecondsPart()));
        lines.add("- machine: " + machine.summary());
        lines.add("- versions: " + machine.versionSummary());
        lines.add("- stack: " + stack);
        lines.add("");
        lines.add(TABLE_HEADER);
        lines.add("|---|---:|---:|---:|---|---|");
        measures.forEach(measure -> lines.add(measure.row()));
        lines.add("");
        lines.add(verdict());
        lines.add("");
        lines.add("Throughputs are judged by their ratio to a reference measured in the same run on the same stack, "
                + "because a shared machine's speed varies from run to run; times are judged by themselves.");
        if (!charts.isEmpty()) {
            lines.add("");
            lines.add("## Charts");
            charts.forEach((file, caption) -> {
                lines.add("");
                lines.add("![" + caption + "](" + file + ")");
            });
        }
        if (!details.isEmpty()) {
            lines.add("");
            lines.add("## Each benchmark's own report");
            lines.add("");
            details.forEach((file, what) -> lines.add("- [" + file + "](" + file + "): " + what));
        }
        return lines;
    }

    long met() {
        return measures.stream().filter(m -> m.verdict() == Measure.Verdict.PASS).count();
    }

    long judged() {
        return measures.stream().filter(m -> m.verdict() == Measure.Verdict.PASS || m.verdict() == Measure.Verdict.FAIL).count();
    }

    long failed() {
        return measures.stream().filter(m -> m.verdict() == Measure.Verdict.ERROR).count();
    }

    String verdict() {
        String verdict = String.format(Locale.ROOT, "**%d of %d targets met.**", met(), judged());
        return failed() == 0 ? verdict : verdict + String.format(Locale.ROOT, " %d benchmark(s) failed to run.", failed());
    }
}

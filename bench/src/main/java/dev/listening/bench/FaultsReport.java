package dev.listening.bench;

import dev.listening.producer.run.Report;
import dev.listening.verify.Reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What bench faults saw: each fault and how long the pipeline took to commit a batch again after
 * it, the producer's report, verify's verdict on every record, and how many hours' rollups still
 * disagree with the history.
 *
 * @param problem why the run stopped early or did not catch up, or null
 */
public record FaultsReport(Faults.Settings settings, Instant started, List<Recovery> recoveries, Report produced,
                           Reconciliation.Report verdict, int rollupMismatches, String problem) {
    /** One fault, and the time from its SIGKILL until the next committed micro-batch. */
    public record Recovery(Fault fault, Duration took) {
    }

    public FaultsReport {
        recoveries = List.copyOf(recoveries);
    }

    /** Exit 0 only for this: every fault survived, every record stored exactly once, the rollups equal to the history. */
    public boolean passed() {
        return problem == null && recoveries.size() == settings.faults() && produced.failed() == 0
                && produced.acknowledged() == verdict.records() && verdict.passed() && rollupMismatches == 0;
    }

    public long survived(Fault fault) {
        return recoveries.stream().filter(r -> r.fault() == fault).count();
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("# Faults: SIGKILLs at random moments under load, judged by verify");
        lines.add("");
        lines.add("- when: " + started.truncatedTo(ChronoUnit.SECONDS) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, one-node stack of its own");
        lines.add(String.format(Locale.ROOT, "- load: %,d events/s, at least %,d events; %d faults, seed %d, pauses %d-%d s",
                settings.rate(), settings.events(), settings.faults(), settings.seed(), settings.minGap().toSeconds(),
                settings.maxGap().toSeconds()));
        lines.add("");
        lines.add("| fault | survived | recovery p50 | recovery max |");
        lines.add("|---|---:|---:|---:|");
        for (Fault fault : Fault.values()) {
            lines.add(row(fault.what(), recoveries.stream().filter(r -> r.fault() == fault).toList()));
        }
        lines.add(row("all", recoveries));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "- producer: %,d sent, %,d acknowledged, %,d failed", produced.sent(),
                produced.acknowledged(), produced.failed()));
        lines.add(String.format(Locale.ROOT, "- verify: %,d records, %,d stored, %,d dead letters, %,d lost, %,d duplicated, "
                        + "%,d differing from their event, %,d unexpected, %,d event ids twice in the topic", verdict.records(),
                verdict.stored(), verdict.deadLetters(), verdict.missing().size(), verdict.doubled().size(),
                verdict.differing().size(), verdict.unexpected().size(), verdict.duplicateIdsInTopic()));
        lines.add("- rollups: " + rollupMismatches + " hours differ from the history");
        if (problem != null) {
            lines.add("- stopped: " + problem);
        }
        lines.add("");
        lines.add(passed() ? "verdict: every fault survived, every record stored exactly once"
                : "verdict: FAILED");
        return lines;
    }

    private static String row(String what, List<Recovery> recoveries) {
        if (recoveries.isEmpty()) {
            return "| " + what + " | 0 | - | - |";
        }
        Percentiles millis = Percentiles.of(recoveries.stream().mapToLong(r -> r.took().toMillis()).toArray());
        return String.format(Locale.ROOT, "| %s | %d | %s | %s |", what, recoveries.size(), seconds(millis.at(50)),
                seconds(millis.at(100)));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

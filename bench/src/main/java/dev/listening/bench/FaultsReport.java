package dev.listening.bench;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.producer.run.Report;
import dev.listening.verify.Reconciliation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What bench faults saw: each fault and how long the pipeline took to commit a batch again after
 * it, the producer's report, verify's verdict on every record, and how many hours' rollups still
 * disagree with the history.
 *
 * @param stack   what the pipeline ran on
 * @param targets the kinds of fault of that stack, and the services each killed
 * @param problem why the run stopped early or did not catch up, or null
 */
public record FaultsReport(Faults.Settings settings, Instant started, String stack, FaultTargets targets, Storage storage,
                           List<Recovery> recoveries, Report produced, Reconciliation.Report verdict, int rollupMismatches,
                           String problem) {
    /** One fault, and the time from its SIGKILL until the next committed micro-batch. */
    public record Recovery(Fault fault, Duration took) {
    }

    /** The keyspace's replication as Cassandra reports it, and the consistency the job wrote and verify read at. */
    public record Storage(Map<String, String> replication, DefaultConsistencyLevel consistency) {
        public Storage {
            replication = Collections.unmodifiableMap(new TreeMap<>(replication));
        }
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
                + " cores; " + stack);
        lines.add("- Cassandra: keyspace replication " + storage.replication() + "; the job writes and verify reads at "
                + storage.consistency());
        lines.add(String.format(Locale.ROOT, "- load: %,d events/s, at least %,d events; %d faults, seed %d, pauses %d-%d s",
                settings.rate(), settings.events(), settings.faults(), settings.seed(), settings.minGap().toSeconds(),
                settings.maxGap().toSeconds()));
        lines.add("");
        lines.add("| fault | services killed | survived | recovery p50 | recovery max |");
        lines.add("|---|---|---:|---:|---:|");
        for (Fault fault : targets.kinds()) {
            List<String> services = targets.of(fault);
            lines.add(row(fault.what(), services.isEmpty() ? "spark-submit" : String.join(", ", services),
                    recoveries.stream().filter(r -> r.fault() == fault).toList()));
        }
        lines.add(row("all", "", recoveries));
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

    private static String row(String what, String services, List<Recovery> recoveries) {
        if (recoveries.isEmpty()) {
            return "| " + what + " | " + services + " | 0 | - | - |";
        }
        Percentiles millis = Percentiles.of(recoveries.stream().mapToLong(r -> r.took().toMillis()).toArray());
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %s |", what, services, recoveries.size(), seconds(millis.at(50)),
                seconds(millis.at(100)));
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

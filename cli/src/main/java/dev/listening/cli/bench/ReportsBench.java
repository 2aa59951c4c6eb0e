package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import dev.listening.bench.ReportScaling;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** ./pipeline bench reports: report time against the range asked and against the history stored. */
@Command(name = "reports", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes one day of timestamped events into a fresh topic, lets the streamer build the rollups in a "
                        + "fresh keyspace, and times each report on that day; then adds --days - 1 more days and "
                        + "times the same reports again, and top-artists over every day.",
                "A report that reads only the partitions it needs takes as long with 1 day stored as with --days "
                        + "days, and --days times as long over --days days. Writes --out; the scratch topic and "
                        + "keyspace are dropped at the end."})
public final class ReportsBench extends ReportedBench<List<ReportScaling.Timing>> {
    @Mixin
    ServiceOptions services;

    @Option(names = "--days", paramLabel = "N", defaultValue = "10", description = "Days of history in the end. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--plays-per-hour", paramLabel = "N", defaultValue = "200",
            description = "Plays in every hour of the history. Default: ${DEFAULT-VALUE}.")
    int playsPerHour;

    @Mixin
    ListenersOption listeners;

    @Option(names = "--first-day", paramLabel = "YYYY-MM-DD", defaultValue = "2025-03-01",
            description = "The history's first UTC day. Default: ${DEFAULT-VALUE}.")
    LocalDate firstDay;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "7",
            description = "Timed runs of each report, after three untimed; the median is reported. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Mixin
    StreamerJobOptions job;

    @Mixin
    ReportFileOption out;

    @Override
    Benchmark<List<ReportScaling.Timing>> benchmark() {
        Path root = ProjectRoot.get();
        return new ReportScaling(new ReportScaling.Settings(services.bootstrap(), services.cassandra(), services.datacenter(),
                root, job.home(), job.songs(), firstDay, days, playsPerHour, listeners.listeners, repeat, job.master(),
                out().toAbsolutePath().resolveSibling(ReportScaling.STREAMER_LOG)));
    }
}

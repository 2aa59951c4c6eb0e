package dev.listening.cli.bench;

import dev.listening.contract.UserError;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** ./pipeline bench reports: report time against the range asked and against the history stored. */
@Command(name = "reports", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes one day of timestamped events into a fresh topic, lets the streamer build the rollups in a "
                        + "fresh keyspace, and times each report on that day; then adds --days - 1 more days and "
                        + "times the same reports again, and top-artists over every day.",
                "A report that reads only the partitions it needs takes as long with 1 day stored as with --days "
                        + "days, and --days times as long over --days days. Writes --out; the scratch topic and "
                        + "keyspace are dropped at the end."})
public final class ReportsBench implements Callable<Integer> {
    @Mixin
    ServiceOptions services;

    @Option(names = "--days", paramLabel = "N", defaultValue = "10", description = "Days of history in the end. Default: ${DEFAULT-VALUE}.")
    int days;

    @Option(names = "--plays-per-hour", paramLabel = "N", defaultValue = "200",
            description = "Plays in every hour of the history. Default: ${DEFAULT-VALUE}.")
    int playsPerHour;

    @Option(names = "--listeners", paramLabel = "N", defaultValue = "50", description = "Listeners. Default: ${DEFAULT-VALUE}.")
    int listeners;

    @Option(names = "--first-day", paramLabel = "YYYY-MM-DD", defaultValue = "2025-03-01",
            description = "The history's first UTC day. Default: ${DEFAULT-VALUE}.")
    LocalDate firstDay;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "7",
            description = "Timed runs of each report, after three untimed; the median is reported. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Mixin
    StreamerJobOptions job;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/output/bench/reports.md",
            description = "The report; the streamer's log goes next to it. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (days < 2 || playsPerHour < 1 || listeners < 1 || repeat < 1) {
            throw new UserError("--days must be at least 2; --plays-per-hour, --listeners and --repeat at least 1");
        }
        Path root = ProjectRoot.get();
        Files.createDirectories(out.toAbsolutePath().getParent());
        List<ReportScaling.Timing> timings = new ReportScaling(new ReportScaling.Settings(services.bootstrap(), services.cassandra(),
                services.datacenter(), root, job.home(root), job.songs(), firstDay, days, playsPerHour, listeners, repeat,
                job.master(), out.toAbsolutePath().resolveSibling("reports-streamer.log"))).measure();
        List<String> lines = report(timings);
        lines.forEach(spec.commandLine().getOut()::println);
        Files.write(out, lines);
        return 0;
    }

    private List<String> report(List<ReportScaling.Timing> timings) {
        List<String> lines = new ArrayList<>();
        lines.add("# Report time against the range asked and the history stored");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", Cassandra " + services.cassandra() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        lines.add(String.format(Locale.ROOT, "- history: %,d plays per hour from %d listeners, from %s; rollups built by "
                + "the streamer; each report run 3 times untimed, then the median of %d runs (in-process reads, no JVM start), all while the streamer runs idle",
                playsPerHour, listeners, firstDay, repeat));
        lines.add("");
        lines.add("| report | dates | days stored | partitions read | rows | median ms |");
        lines.add("|---|---|---:|---:|---:|---:|");
        for (ReportScaling.Timing t : timings) {
            lines.add(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.1f |", t.report(), t.range(), t.daysStored(),
                    t.partitions(), t.rows(), t.medianMillis()));
        }
        return lines;
    }
}

package dev.listening.cli.bench;

import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import dev.listening.producer.kafka.ProducerSettings;
import dev.listening.producer.run.DurationConverter;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ./pipeline bench e2e: event ts -> row readable in Cassandra, p50/p99, at a steady rate. */
@Command(name = "e2e", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Starts the streamer (spark-submit way) on a fresh topic and keyspace of the stack of ./pipeline up, sends "
                        + "--rate events/s for --warmup then --duration, and measures for one event in "
                        + EndToEndLatency.PROBE_EVERY + " the time from its ts (set when handed to the Kafka producer) "
                        + "until its row is readable from Cassandra (polled every 100 ms).",
                "Prints p50/p90/p99/max and writes them to --out. The scratch topic and keyspace are dropped at the end."})
public final class EndToEndBench extends ReportedBench<EndToEndLatency.Result> {
    static final double TARGET_P50_MS = 1_000;
    static final double TARGET_P99_MS = 1_500;

    @Mixin
    ServiceOptions services;

    @Mixin
    StreamerJobOptions job;

    @Option(names = StreamerOptions.TRIGGER, paramLabel = "DURATION", defaultValue = "1s",
            description = "The streamer's micro-batch interval. Default: ${DEFAULT-VALUE}.")
    String trigger;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "1000",
            description = "Events per second. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--listeners", paramLabel = "N", defaultValue = "50",
            description = "Listeners the events are drawn from, besides the probe. Default: ${DEFAULT-VALUE}.")
    int listeners;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Sending before the measurement starts (JIT, connections). Default: ${DEFAULT-VALUE}.")
    Duration warmup;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Sending while latencies are measured. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
            description = "Partitions of the topic. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/output/bench/e2e.md",
            description = "The report; the streamer's log goes next to it. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    Path out() {
        return out;
    }

    @Override
    EndToEndLatency.Result measure() throws InterruptedException {
        if (rate < 1 || listeners < 1 || partitions < 1 || duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new UserError("--rate, --listeners and --partitions must be at least 1, --duration positive, --warmup not negative");
        }
        Path root = ProjectRoot.get();
        Path log = out.toAbsolutePath().resolveSibling("e2e-streamer-job.log");
        EndToEndLatency.Result result = new EndToEndLatency(new EndToEndLatency.Settings(services.bootstrap(),
                services.cassandra(), services.datacenter(), root, job.home(root), job.songs(), trigger, rate, listeners, warmup,
                duration, partitions, job.master(), log)).measure();
        if (result.latencies().count() == 0) {
            throw new UserError("no probe row became readable; see " + log);
        }
        return result;
    }

    @Override
    List<String> report(EndToEndLatency.Result result) {
        Percentiles latencies = result.latencies();
        List<String> lines = new ArrayList<>();
        lines.add("# End-to-end latency: event ts -> row readable in Cassandra");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", Kafka " + services.bootstrap() + ", Cassandra "
                + services.cassandra() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Spark master " + job.master());
        lines.add(String.format(Locale.ROOT, "- streamer trigger %s; %,d events of %,d listeners sent at %,.0f events/s into a "
                        + "%d-partition topic (%d s warm-up, %d s measured); the producer's settings (gzip, linger %d ms, acks=all)",
                trigger, result.sent(), listeners, result.sendRate(), partitions, warmup.toSeconds(), duration.toSeconds(),
                ProducerSettings.LINGER_MS));
        lines.add(String.format(Locale.ROOT, "- measured: %,d probe events (1 in %d, one listener's partition polled every %d ms, "
                + "so each figure is late by up to that much); not readable after the run: %,d",
                latencies.count(), EndToEndLatency.PROBE_EVERY, EndToEndLatency.POLL.toMillis(), result.unread()));
        lines.add("");
        lines.add("| p50 | p90 | p99 | max |");
        lines.add("|---:|---:|---:|---:|");
        lines.add(String.format(Locale.ROOT, "| %,d ms | %,d ms | %,d ms | %,d ms |",
                latencies.at(50), latencies.at(90), latencies.at(99), latencies.at(100)));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "target: p50 <= %,.0f ms, p99 <= %,.0f ms", TARGET_P50_MS, TARGET_P99_MS));
        return lines;
    }
}

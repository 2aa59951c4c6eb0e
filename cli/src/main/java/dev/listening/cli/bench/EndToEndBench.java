package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import dev.listening.bench.EndToEndLatency;
import dev.listening.contract.StreamerOptions;
import dev.listening.producer.run.DurationConverter;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** ./pipeline bench e2e: event ts -> row readable in Cassandra, p50/p99, at a steady rate. */
@Command(name = "e2e", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Starts the streamer (spark-submit way) on a fresh topic and keyspace of the stack of ./pipeline up, sends "
                        + "--rate events/s for --warmup then --duration, and measures for one event in "
                        + EndToEndLatency.PROBE_EVERY + " the time from its ts (set when handed to the Kafka producer) "
                        + "until its row is readable from Cassandra (polled every 100 ms).",
                "Prints p50/p90/p99/max and writes them to --out. The scratch topic and keyspace are dropped at the end."})
public final class EndToEndBench extends ReportedBench<EndToEndLatency.Result> {
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

    @Option(names = "--listeners", paramLabel = "N", defaultValue = EndToEndLatency.DEFAULT_LISTENERS,
            description = "Listeners the events are drawn from, besides the probe. Default: ${DEFAULT-VALUE}.")
    int listeners;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Sending before the measurement starts (JIT, connections). Default: ${DEFAULT-VALUE}.")
    Duration warmup;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Sending while latencies are measured. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = EndToEndLatency.DEFAULT_PARTITIONS,
            description = "Partitions of the topic. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Mixin
    ReportFileOption out;

    @Override
    Benchmark<EndToEndLatency.Result> benchmark() {
        Path root = ProjectRoot.get();
        return new EndToEndLatency(new EndToEndLatency.Settings(services.bootstrap(), services.cassandra(),
                services.datacenter(), root, job.home(), job.songs(), trigger, rate, listeners, warmup, duration,
                partitions, job.master(), out().toAbsolutePath().resolveSibling(EndToEndLatency.STREAMER_LOG)));
    }
}

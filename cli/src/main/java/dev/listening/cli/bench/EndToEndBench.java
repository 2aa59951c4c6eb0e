package dev.listening.cli.bench;

import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.producer.kafka.ProducerSettings;
import dev.listening.producer.run.DurationConverter;
import dev.listening.stack.ProjectRoot;
import dev.listening.streamer.StreamerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** ./pipeline bench e2e: event ts -> row readable in Cassandra, p50/p99, at a steady rate. */
@Command(name = "e2e", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Starts the streamer (spark-submit way) on a fresh topic and keyspace of the stack of ./pipeline up, sends "
                        + "--rate events/s for --warmup then --duration, and measures for one event in "
                        + EndToEndLatency.PROBE_EVERY + " the time from its ts (set when handed to the Kafka producer) "
                        + "until its row is readable from Cassandra (polled every 100 ms).",
                "Prints p50/p90/p99/max and writes them to --out. The scratch topic and keyspace are dropped at the end."})
public final class EndToEndBench implements Callable<Integer> {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = Env.KAFKA_OPTION,
            description = "Kafka bootstrap servers (env " + Env.KAFKA + "). Default: ${DEFAULT-VALUE}.")
    String bootstrap;

    @Option(names = "--cassandra", paramLabel = "HOST:PORT[,..]", defaultValue = Env.CASSANDRA_OPTION,
            description = "Cassandra contact points (env " + Env.CASSANDRA + "). Default: ${DEFAULT-VALUE}.")
    String cassandra;

    @Option(names = "--datacenter", paramLabel = "NAME", defaultValue = Env.DATACENTER_OPTION,
            description = "Cassandra local data centre (env " + Env.DATACENTER + "). Default: ${DEFAULT-VALUE}.")
    String datacenter;

    @Option(names = StreamerOptions.TRIGGER, paramLabel = "DURATION", defaultValue = "1s",
            description = "The streamer's micro-batch interval. Default: ${DEFAULT-VALUE}.")
    String trigger;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "1000",
            description = "Events per second. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Sending before the measurement starts (JIT, connections). Default: ${DEFAULT-VALUE}.")
    Duration warmup;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Sending while latencies are measured. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
            description = "Partitions of the topic. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]",
            description = "Spark master of the streamer. Default: ${DEFAULT-VALUE}.")
    String master;

    @Option(names = "--songs", paramLabel = "PATH",
            defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/" + StreamerOptions.DEFAULT_SONGS,
            description = "Songs CSV. Default: ${DEFAULT-VALUE}.")
    Path songs;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = Env.HOME_OPTION,
            description = "Checkpoints and Spark's scratch space; relative to the project root (env " + Env.HOME
                    + "). Default: ${DEFAULT-VALUE}.")
    String home;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/output/bench/e2e.md",
            description = "The report; the streamer's log goes next to it. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (rate < 1 || partitions < 1 || duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            throw new UserError("--rate and --partitions must be at least 1, --duration positive, --warmup not negative");
        }
        Path root = ProjectRoot.get();
        Files.createDirectories(out.toAbsolutePath().getParent());
        EndToEndLatency.Result result = new EndToEndLatency(new EndToEndLatency.Settings(bootstrap, cassandra, datacenter,
                root, ProjectRoot.home(root, home), songs.toAbsolutePath(), trigger, rate, warmup, duration, partitions,
                master, out.toAbsolutePath().resolveSibling("e2e-streamer-job.log"))).measure();
        if (result.latencies().count() == 0) {
            throw new UserError("no probe row became readable; see " + out.toAbsolutePath().resolveSibling("e2e-streamer-job.log"));
        }
        List<String> lines = report(result);
        lines.forEach(spec.commandLine().getOut()::println);
        Files.write(out, lines);
        return 0;
    }

    private List<String> report(EndToEndLatency.Result result) {
        Percentiles latencies = result.latencies();
        List<String> lines = new ArrayList<>();
        lines.add("# End-to-end latency: event ts -> row readable in Cassandra");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", Kafka " + bootstrap + ", Cassandra "
                + cassandra + ", " + Runtime.getRuntime().availableProcessors() + " cores, Spark master " + master);
        lines.add(String.format(Locale.ROOT, "- streamer trigger %s; %,d events sent at %,.0f events/s into a %d-partition topic "
                        + "(%d s warm-up, %d s measured); the producer's settings (gzip, linger %d ms, acks=all)",
                trigger, result.sent(), result.sendRate(), partitions, warmup.toSeconds(), duration.toSeconds(),
                ProducerSettings.LINGER_MS));
        lines.add(String.format(Locale.ROOT, "- measured: %,d probe events (1 in %d, one listener's partition polled every %d ms, "
                + "so each figure is late by up to that much); not readable after the run: %,d",
                latencies.count(), EndToEndLatency.PROBE_EVERY, EndToEndLatency.POLL.toMillis(), result.unread()));
        lines.add("");
        lines.add("| p50 | p90 | p99 | max |");
        lines.add("|---:|---:|---:|---:|");
        lines.add(String.format(Locale.ROOT, "| %,d ms | %,d ms | %,d ms | %,d ms |",
                latencies.at(50), latencies.at(90), latencies.at(99), latencies.at(100)));
        return lines;
    }
}

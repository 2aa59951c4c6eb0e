package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import dev.listening.bench.ProducerThroughput;
import dev.listening.contract.options.BootstrapOption;
import dev.listening.contract.options.SongsOption;
import dev.listening.producer.run.DurationConverter;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** ./pipeline bench producer: our producer's events/s at --rate max next to Kafka's ProducerPerformance. */
@Command(name = "producer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs the producer at --rate max and Kafka's own ProducerPerformance (kafka-tools) against the "
                        + "broker of ./pipeline up, alternating, with the same event JSON, gzip, acks=all, "
                        + "idempotence, linger and batch size, one fresh single-partition topic per run.",
                "Prints both throughputs and their ratio (target: >= 1.0) and writes them to --out."})
public final class ProducerBench extends ReportedBench<ProducerThroughput.Result> {
    @Mixin
    BootstrapOption kafka;

    @Option(names = "--records", paramLabel = "N", defaultValue = "200000",
            description = "Records per run (default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds, each one run of both, in alternating order (default ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    SongsOption songs;

    @Option(names = "--connect-timeout", converter = DurationConverter.class, defaultValue = ProducerThroughput.DEFAULT_CONNECT_TIMEOUT,
            description = "How long to wait for the broker (default ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Mixin
    ReportFileOption out;

    @Override
    Benchmark<ProducerThroughput.Result> benchmark() {
        return new ProducerThroughput(new ProducerThroughput.Settings(kafka.bootstrap(), records, rounds, connectTimeout,
                ProjectRoot.get(), songs.songs()));
    }
}

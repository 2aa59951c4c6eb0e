package dev.listening.cli.bench;

import dev.listening.contract.Env;
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

/** ./pipeline bench producer: our producer's events/s at --rate max next to Kafka's ProducerPerformance. */
@Command(name = "producer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs the producer at --rate max and Kafka's own ProducerPerformance (kafka-tools) against the "
                        + "broker of ./pipeline up, alternating, with the same event JSON, gzip, acks=all, "
                        + "idempotence, linger and batch size, one fresh single-partition topic per run.",
                "Prints both throughputs and their ratio (target: >= 1.0) and writes them to --out."})
public final class ProducerBench extends ReportedBench<ProducerThroughput.Result> {
    static final double TARGET_RATIO = 1.0;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = Env.KAFKA_OPTION,
            description = "Kafka bootstrap servers (env " + Env.KAFKA + "; default ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--records", paramLabel = "N", defaultValue = "200000",
            description = "Records per run (default ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds, each one run of both, in alternating order (default ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    SongsOption songs;

    @Option(names = "--connect-timeout", converter = DurationConverter.class, defaultValue = "15s",
            description = "How long to wait for the broker (default ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "${sys:pipeline.root:-.}/output/bench/producer.md",
            description = "Where the results go (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    Path out() {
        return out;
    }

    @Override
    ProducerThroughput.Result measure() {
        if (records < 1 || rounds < 1) {
            throw new UserError("--records and --rounds must be at least 1");
        }
        return new ProducerThroughput(new ProducerThroughput.Settings(bootstrap, records, rounds, connectTimeout,
                ProjectRoot.get(), songs.songs())).measure();
    }

    @Override
    List<String> report(ProducerThroughput.Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("# Producer throughput: ours vs Kafka's ProducerPerformance");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", broker " + bootstrap + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        lines.add(String.format(Locale.ROOT, "- %d records per run, event JSON of %.0f bytes on average "
                + "(ours adds its user_id key, 36 bytes; the reference sends no key)", result.records(),
                result.payloadBytes()));
        lines.add("- both: " + ProducerSettings.delivery() + ", one partition, JVM -Xmx512m");
        lines.add("");
        lines.add("| round | ours (events/s) | ProducerPerformance (records/s) | ratio |");
        lines.add("|---:|---:|---:|---:|");
        for (int i = 0; i < result.rounds().size(); i++) {
            ProducerThroughput.Round round = result.rounds().get(i);
            lines.add(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |", i + 1, round.ours(), round.reference(),
                    round.ratio()));
        }
        lines.add("");
        lines.add(String.format(Locale.ROOT, "best: ours %.0f events/s, reference %.0f records/s, ratio %.2f (target >= %.1f)",
                result.bestOurs(), result.bestReference(), result.ratio(), TARGET_RATIO));
        return lines;
    }
}

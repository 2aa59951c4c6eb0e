package dev.listening.cli.bench;

import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.producer.run.DurationConverter;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** ./pipeline bench soak: the whole pipeline under a steady load for a long while, judged by verify at the end. */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "On the stack of ./pipeline up: starts the streamer job (trigger 1s, a fresh checkpoint from the topic's "
                        + "current end), produces --rate events/s for --duration, and logs every 10 s the records produced, "
                        + "the records through the streamer and the lag between them. Then it stops producing, waits up to "
                        + "--catch-up-timeout for the stream to catch up, and verifies every record produced.",
                "Writes the timeline and the verdict to --out (the streamer's log next to it). "
                        + "Exit 0 only if every record was stored exactly once."})
public final class SoakBench implements Callable<Integer> {
    @Option(names = "--duration", converter = DurationConverter.class, defaultValue = "10m", paramLabel = "DURATION",
            description = "How long to produce, e.g. 1m, 10m, 2h. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "200", description = "Events per second. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--listeners", paramLabel = "N", defaultValue = "50", description = "Fake listeners. Default: ${DEFAULT-VALUE}.")
    int listeners;

    @Option(names = "--catch-up-timeout", converter = DurationConverter.class, defaultValue = "5m", paramLabel = "DURATION",
            description = "How long the stream may take to catch up once producing stops. Default: ${DEFAULT-VALUE}.")
    Duration catchUpTimeout;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = Env.KAFKA_OPTION,
            description = "Kafka bootstrap servers (env " + Env.KAFKA + "). Default: ${DEFAULT-VALUE}.")
    String bootstrap;

    @Option(names = "--cassandra", paramLabel = "HOST:PORT[,..]", defaultValue = Env.CASSANDRA_OPTION,
            description = "Cassandra contact points (env " + Env.CASSANDRA + "). Default: ${DEFAULT-VALUE}.")
    String cassandra;

    @Option(names = "--datacenter", paramLabel = "NAME", defaultValue = Env.DATACENTER_OPTION,
            description = "Cassandra local data centre (env " + Env.DATACENTER + "). Default: ${DEFAULT-VALUE}.")
    String datacenter;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = Env.TOPIC_OPTION,
            description = "Topic (env " + Env.TOPIC + "). Default: ${DEFAULT-VALUE}.")
    String topic;

    @Option(names = "--keyspace", paramLabel = "NAME", defaultValue = Env.KEYSPACE_OPTION,
            description = "Keyspace (env " + Env.KEYSPACE + "). Default: ${DEFAULT-VALUE}.")
    String keyspace;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master of the streamer. Default: ${DEFAULT-VALUE}.")
    String master;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = Env.HOME_OPTION,
            description = "The soak's checkpoint and Spark's scratch space; relative to the project root (env " + Env.HOME
                    + "). Default: ${DEFAULT-VALUE}.")
    String home;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/output/bench/soak.md",
            description = "The report; the streamer's log goes next to it. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (rate < 1 || listeners < 1) {
            throw new UserError("--rate and --listeners must be at least 1");
        }
        Path root = ProjectRoot.get();
        Path report = out.toAbsolutePath();
        Files.createDirectories(report.getParent());
        SoakReport soak = new Soak(new Soak.Settings(
                new SoakReport.Load(bootstrap, cassandra, topic, keyspace, rate, duration, listeners, master),
                datacenter, catchUpTimeout, root, ProjectRoot.home(root, home), report.resolveSibling("soak-streamer.log"))).run();
        List<String> lines = soak.lines();
        lines.forEach(spec.commandLine().getOut()::println);
        Files.write(report, lines);
        return soak.passed() ? 0 : 1;
    }
}

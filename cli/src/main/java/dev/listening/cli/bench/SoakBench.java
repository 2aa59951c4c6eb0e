package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import dev.listening.bench.Soak;
import dev.listening.bench.SoakReport;
import dev.listening.contract.options.KeyspaceOption;
import dev.listening.contract.options.TopicOption;
import dev.listening.producer.run.DurationConverter;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** ./pipeline bench soak: the whole pipeline under a steady load for a long while, judged by verify at the end. */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "On the stack of ./pipeline up: starts the streamer job (trigger 1s, a fresh checkpoint from the topic's "
                        + "current end), produces --rate events/s for --duration, and logs every 10 s the records produced, "
                        + "the records through the streamer and the lag between them. Then it stops producing, waits up to "
                        + "--catch-up-timeout for the stream to catch up, and verifies every record produced.",
                "Writes the timeline and the verdict to --out (the streamer's log next to it). "
                        + "Exit 0 only if every record was stored exactly once."})
public final class SoakBench extends ReportedBench<SoakReport> {
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

    @Mixin
    ServiceOptions services;

    @Mixin
    TopicOption topic;

    @Mixin
    KeyspaceOption keyspace;

    @Mixin
    StreamerJobOptions job;

    @Mixin
    ReportFileOption out;

    @Override
    Benchmark<SoakReport> benchmark() {
        Path root = ProjectRoot.get();
        return new Soak(new Soak.Settings(new SoakReport.Load(services.bootstrap(), services.cassandra(), topic.topic(),
                keyspace.keyspace(), rate, duration, listeners, job.master()), services.datacenter(), catchUpTimeout, root, job.home(),
                job.songs(), out().toAbsolutePath().resolveSibling(Soak.STREAMER_LOG)));
    }

    /** 1 unless every record was stored exactly once. */
    @Override
    int exitCode(SoakReport soak) {
        return soak.passed() ? 0 : 1;
    }
}

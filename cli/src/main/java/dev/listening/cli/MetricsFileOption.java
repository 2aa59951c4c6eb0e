package dev.listening.cli;

import dev.listening.contract.StreamerOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * --metrics-file of the commands that read the streamer's metrics (status, dashboard): by default the
 * file ./pipeline stream writes for the same topic and keyspace under the same home.
 */
public final class MetricsFileOption {
    @Option(names = StreamerOptions.METRICS_FILE, paramLabel = "PATH",
            description = "The streamer's metrics file. Default: the one ./pipeline stream writes for --topic and --keyspace "
                    + "under --home, <checkpoint>-metrics.jsonl beside its checkpoint directory.")
    Path metricsFile;

    public Path resolve(Path home, String topic, String keyspace) {
        return metricsFile != null ? metricsFile.toAbsolutePath().normalize() : StreamerOptions.defaultMetricsFile(
                StreamerOptions.defaultCheckpoint(home, topic, keyspace).toAbsolutePath().normalize());
    }
}

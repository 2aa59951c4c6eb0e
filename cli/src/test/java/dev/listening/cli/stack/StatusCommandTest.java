package dev.listening.cli.stack;

import dev.listening.contract.StreamerOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusCommandTest {
    @Test
    void statusReadsTheMetricsFileThatStreamWritesForItsTopicAndKeyspace() {
        StatusCommand status = new StatusCommand();
        new CommandLine(status).parseArgs("--topic", "t", "--keyspace", "k");
        Path home = Path.of("/tmp/home");

        assertEquals(StreamerOptions.defaultMetricsFile(StreamerOptions.defaultCheckpoint(home, "t", "k")), status.metricsFile.resolve(home, status.topic.topic(), status.keyspace.keyspace()));
    }
}

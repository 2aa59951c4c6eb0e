package dev.listening.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listening.stack.spark.StreamerSubmission;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;

class StreamCommandTest {
    private static final Path HOME = Path.of("/work/.pipeline");

    private static StreamCommand parse(String... args) {
        StreamCommand command = new StreamCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theCheckpointDefaultsToOnePerTopicAndKeyspaceUnderHome() {
        StreamerSubmission submission = parse("--topic", "t", "--keyspace", "ks").submission(HOME);

        assertEquals(HOME.resolve("checkpoints/t-ks"), submission.checkpoint());
        assertEquals("LOCAL_ONE", submission.consistency());
        assertEquals("30s", submission.trigger());
        assertEquals(0, submission.minPartitions());
        assertEquals("earliest", submission.startingOffsets());
    }

    @Test
    void everyOptionReachesTheJob() {
        StreamCommand command = parse("--master", "spark://m:7077", "--bootstrap", "k:1", "--topic", "t",
                "--cassandra", "c:2", "--datacenter", "dc2", "--keyspace", "ks", "--consistency", "LOCAL_QUORUM",
                "--songs", "/s.csv", "--trigger", "1s", "--max-offsets-per-trigger", "7", "--min-partitions", "4", "--starting-offsets", "latest",
                "--checkpoint", "/ck", "--retry-timeout", "1m", "--rollup-interval", "30s", "--rollup-lateness", "1h", "--stall-timeout", "90s",
                "--metrics-port", "9500", "--metrics-address", "127.0.0.2", "--metrics-file", "/m.jsonl");

        assertEquals("spark://m:7077", command.master.master());
        assertEquals(new StreamerSubmission("k:1", "t", "c:2", "dc2", "ks", "LOCAL_QUORUM", Path.of("/s.csv"), "1s", 7, 4,
                "latest", Path.of("/ck"), "1m", "30s", "1h", "90s", null, 9500, "127.0.0.2", Path.of("/m.jsonl")),
                command.submission(HOME));
    }
}

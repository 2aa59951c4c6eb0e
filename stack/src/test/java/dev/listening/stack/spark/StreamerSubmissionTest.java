package dev.listening.stack.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listening.contract.StreamerOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class StreamerSubmissionTest {
    private static final Path ROOT = Path.of("/work");
    private static final Path HOME = Path.of("/work/.pipeline");

    private static Map<String, String> options(StreamerSubmission submission) {
        List<String> args = submission.args();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            options.put(args.get(i), args.get(i + 1));
        }
        return options;
    }

    @Test
    void defaultsAreTheJobsOwnWithTheStacksAddressesAndACheckpointPerTopicAndKeyspace() {
        Map<String, String> options = options(StreamerSubmission.defaults(ROOT, HOME, "127.0.0.1:9092", "127.0.0.1:9042",
                "listening-events", "spotify"));

        assertEquals(Map.ofEntries(
                Map.entry("--bootstrap", "127.0.0.1:9092"),
                Map.entry("--topic", "listening-events"),
                Map.entry("--cassandra", "127.0.0.1:9042"),
                Map.entry("--datacenter", "datacenter1"),
                Map.entry("--keyspace", "spotify"),
                Map.entry("--consistency", "LOCAL_ONE"),
                Map.entry("--songs", "/work/data/spotify-songs.csv"),
                Map.entry("--trigger", "30s"),
                Map.entry("--max-offsets-per-trigger", "100000"),
                Map.entry("--min-partitions", "0"),
                Map.entry("--starting-offsets", "earliest"),
                Map.entry("--checkpoint", "/work/.pipeline/checkpoints/listening-events-spotify"),
                Map.entry("--retry-timeout", "10m"),
                Map.entry("--rollup-interval", "10s"),
                Map.entry("--rollup-lateness", "10m"),
                Map.entry("--stall-timeout", "5m"),
                Map.entry("--metrics-file", "/work/.pipeline/checkpoints/listening-events-spotify-metrics.jsonl"),
                Map.entry("--metrics-port", "0"),
                Map.entry("--metrics-address", "127.0.0.1")), options);
    }

    @Test
    void withersChangeOneSettingEach() {
        StreamerSubmission submission = StreamerSubmission.defaults(ROOT, HOME, "k:1", "c:2", "t", "ks")
                .withTrigger("1s")
                .withMaxOffsetsPerTrigger(500)
                .withMinPartitions(6)
                .withStartingOffsets("latest")
                .withCheckpoint(Path.of("/ck"))
                .withDatacenter("dc2")
                .withSongs(Path.of("/songs.csv"))
                .withRollupInterval("1m")
                .withRollupLateness("1h")
                .withMetricsPort(9999);
        Map<String, String> options = options(submission);

        assertEquals("dc2", options.get("--datacenter"));
        assertEquals("/songs.csv", options.get("--songs"));
        assertEquals("1s", options.get("--trigger"));
        assertEquals("500", options.get("--max-offsets-per-trigger"));
        assertEquals("6", options.get("--min-partitions"));
        assertEquals("latest", options.get("--starting-offsets"));
        assertEquals("/ck", options.get("--checkpoint"));
        assertEquals("/ck-metrics.jsonl", options.get("--metrics-file"));
        assertEquals("9999", options.get("--metrics-port"));
        assertEquals("ks", options.get("--keyspace"));
        assertEquals("1m", options.get("--rollup-interval"));
        assertEquals("1h", options.get("--rollup-lateness"));
    }

    @Command
    static final class Job {
        @Mixin
        StreamerOptions options;
    }

    @Test
    void theArgumentsReadBackAsTheSameSubmissionThroughTheJobsOwnOptions() {
        StreamerSubmission submission = StreamerSubmission.defaults(ROOT, HOME, "k:1", "c:2,d:3", "t", "ks")
                .withTrigger("1s").withMaxOffsetsPerTrigger(500).withMinPartitions(6).withStartingOffsets("latest").withConsistency("LOCAL_QUORUM")
                .withCheckpoint(Path.of("/ck")).withDatacenter("dc2").withSongs(Path.of("/songs.csv")).withRollupInterval("1m");
        Job job = new Job();
        new CommandLine(job).parseArgs(submission.args().toArray(String[]::new));

        assertEquals(submission, StreamerSubmission.of(job.options, Path.of("/elsewhere")));
    }
}

package dev.listening.streamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.Names;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.KafkaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

class StreamerMainTest {
    private static StreamerConfig parse(String... args) {
        StreamerMain main = new StreamerMain();
        new CommandLine(main).parseArgs(args);
        return main.config();
    }

    @Test
    void defaultsSuitOneLocalNode() {
        StreamerConfig config = parse("--topic", "t1", "--keyspace", "ks1");

        assertEquals(DefaultConsistencyLevel.LOCAL_ONE, config.consistency());
        assertEquals(Duration.ofSeconds(30), config.trigger());
        assertEquals("earliest", config.startingOffsets());
        assertEquals(100_000, config.maxOffsetsPerTrigger());
        assertEquals(0, config.minPartitions(), "one task per Kafka partition");
        assertEquals(Duration.ofMinutes(10), config.retryTimeout());
        assertEquals(Duration.ofSeconds(10), config.rollupInterval());
        assertEquals(Duration.ofMinutes(10), config.rollupLateness());
        assertEquals(Duration.ofMinutes(5), config.stallTimeout());
        assertTrue(config.songs().endsWith("data/spotify-songs.csv"), config.songs());
        assertTrue(Path.of(config.checkpoint()).endsWith(Path.of("checkpoints", "t1-ks1")), config.checkpoint());
        assertEquals(Path.of(config.checkpoint()).resolveSibling("t1-ks1-metrics.jsonl").toString(), config.metricsFile());
        assertEquals(9464, config.metricsPort());
        assertEquals("127.0.0.1", config.metricsAddress(), "the endpoint is not reachable from other machines");
    }

    @Test
    void theLaunchersMainClassIsThisOne() {
        assertEquals(StreamerMain.class.getName(), StreamerOptions.MAIN_CLASS);
    }

    @Test
    void everyOptionIsRead() {
        StreamerConfig config = parse("--bootstrap", "k:1", "--topic", Names.TOPIC, "--cassandra", "c:2,d:3",
                "--datacenter", "dc2", "--keyspace", "ks", "--consistency", "LOCAL_QUORUM", "--songs", "/s.csv",
                "--trigger", "1s", "--max-offsets-per-trigger", "500", "--min-partitions", "8", "--starting-offsets", "latest",
                "--checkpoint", "/ck", "--retry-timeout", "2m", "--rollup-interval", "1m", "--rollup-lateness", "1h", "--stall-timeout", "90s",
                "--metrics-file", "/m.jsonl", "--metrics-port", "0", "--metrics-address", "0.0.0.0");

        assertEquals(new StreamerConfig(KafkaClient.of("k:1"), Names.TOPIC, "c:2,d:3", "dc2", "ks", DefaultConsistencyLevel.LOCAL_QUORUM,
                "/s.csv", Duration.ofSeconds(1), 500, 8, "latest", "/ck", Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ofSeconds(90), "/m.jsonl", 0, "0.0.0.0"), config);
    }

    @Test
    void badValuesAreRejectedBeforeAnythingConnects() {
        assertThrows(UserError.class, () -> parse("--max-offsets-per-trigger", "0"));
        assertThrows(UserError.class, () -> parse("--min-partitions", "-1"));
        assertThrows(UserError.class, () -> parse("--starting-offsets", "yesterday"));
        assertThrows(UserError.class, () -> parse("--consistency", "SOME"));
        assertThrows(UserError.class, () -> parse("--stall-timeout", "30s"));
        assertThrows(UserError.class, () -> parse("--trigger", "1m", "--stall-timeout", "2m"));
        assertThrows(UserError.class, () -> parse("--metrics-port", "65536"));
    }

    @Test
    void minPartitionsReachesTheKafkaSourceOnlyWhenSet() {
        assertEquals(Map.of(), StreamerJob.partitioning(parse().minPartitions()));
        assertEquals(Map.of("minPartitions", "8"), StreamerJob.partitioning(parse("--min-partitions", "8").minPartitions()));
    }

    @Test
    void theKafkaClientPropertiesReachTheSourcePrefixedWithKafka(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"), "security.protocol=SSL\nssl.truststore.location=/t.jks\n");

        StreamerConfig config = parse("--bootstrap", "k:1", "--kafka-config", file.toString());

        assertEquals(Map.of("kafka.security.protocol", "SSL", "kafka.ssl.truststore.location", "/t.jks",
                "kafka.bootstrap.servers", "k:1"), StreamerJob.sourceOptions(config.kafka()));
    }
}

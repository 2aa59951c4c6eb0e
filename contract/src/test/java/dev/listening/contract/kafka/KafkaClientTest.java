package dev.listening.contract.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

class KafkaClientTest {
    @Test
    void theFileComesFirstTheClientsOwnSettingsNextAndTheBootstrapServersLast(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\nacks=1\nbootstrap.servers=elsewhere:9092\n");

        Map<String, Object> properties = new KafkaClient("k:9092", file).properties(Map.of("acks", "all"));

        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN", "acks", "all",
                "bootstrap.servers", "k:9092"), properties);
    }

    @Test
    void withoutAFileOnlyTheBootstrapServersAreAdded() {
        assertEquals(Map.of("bootstrap.servers", "k:9092"), KafkaClient.of("k:9092").properties(Map.of()));
    }

    @Test
    void aMissingFileIsOneClearError(@TempDir Path dir) {
        UserError e = assertThrows(UserError.class, () -> new KafkaClient("k:9092", dir.resolve("none")).configured());
        assertEquals(true, e.getMessage().startsWith("cannot read the Kafka client properties " + dir.resolve("none")),
                e.getMessage());
    }
}

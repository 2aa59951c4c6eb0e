package dev.listening.producer.kafka;

import dev.listening.contract.kafka.KafkaClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProducerSettingsTest {
    @Test
    void deliveryIsDurableIdempotentGzipAndBatched() {
        Map<String, String> delivery = ProducerSettings.delivery();
        assertEquals("all", delivery.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("true", delivery.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("gzip", delivery.get(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        assertTrue(Integer.parseInt(delivery.get(ProducerConfig.LINGER_MS_CONFIG)) > 0, "no batching without linger");
        assertTrue(Integer.parseInt(delivery.get(ProducerConfig.BATCH_SIZE_CONFIG)) > 16384, "default batch size");
    }

    @Test
    void aSendCanNeitherBlockNorWaitForAnAnswerForever() {
        Map<String, Object> settings = ProducerSettings.producer("127.0.0.1:9", Duration.ofSeconds(15));
        assertEquals("15000", settings.get(ProducerConfig.MAX_BLOCK_MS_CONFIG));
        assertEquals("60000", settings.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
    }

    @Test
    void theClientPropertiesFileAddsSecurityButDoesNotWeakenDelivery(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"), "security.protocol=SASL_SSL\nacks=0\n");

        Map<String, Object> settings = ProducerSettings.producer(new KafkaClient("k:9092", file), Duration.ofSeconds(15));

        assertEquals("SASL_SSL", settings.get("security.protocol"));
        assertEquals("all", settings.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("k:9092", settings.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    @Test
    void aBrokerRestartOnALoadedMachineIsWaitedOutBySendsAndByRecordsInFlight() {
        Duration restart = Duration.ofSeconds(30);
        assertTrue(ProducerSettings.MAX_BLOCK.compareTo(restart) > 0, "a send waiting for the broker's metadata");
        assertTrue(ProducerSettings.DELIVERY_TIMEOUT.compareTo(restart) > 0, "a record waiting for its acknowledgement");
    }

    @Test
    void kafkaAcceptsTheCombination() {
        // the client validates its settings when it is built (delivery vs linger + request timeout,
        // idempotence vs acks); building one opens no connection
        new KafkaProducer<>(ProducerSettings.producer("127.0.0.1:9", Duration.ofSeconds(1))).close(Duration.ZERO);
    }
}

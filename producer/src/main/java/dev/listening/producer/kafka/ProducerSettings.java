package dev.listening.producer.kafka;

import dev.listening.contract.kafka.KafkaClient;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the producer talks to Kafka: durable (acks=all, idempotent), gzip, batched. */
public final class ProducerSettings {
    /** Long enough to fill batches at high rates, short enough to be invisible at 1 event/s. */
    public static final int LINGER_MS = 20;
    /** gzip compresses a whole batch: bigger batches of similar JSON compress better. */
    public static final int BATCH_SIZE = 256 * 1024;
    /** A record not acknowledged by then is reported failed (the default is 2 minutes). */
    public static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    /**
     * How long a send may wait for metadata or buffer space once producing. While the broker is away
     * (a restart takes seconds, more on a loaded machine) sends wait for its metadata: they must
     * outlast such an outage as records in flight do, not fail after the start-up's connect timeout.
     */
    public static final Duration MAX_BLOCK = DELIVERY_TIMEOUT;

    private ProducerSettings() {
    }

    /** The delivery and batching settings, as a benchmark must also give Kafka's ProducerPerformance. */
    public static Map<String, String> delivery() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, Integer.toString(LINGER_MS));
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(BATCH_SIZE));
        return settings;
    }

    /**
     * Everything the producer needs. {@code maxBlock} bounds how long a send may wait for broker
     * metadata or buffer space, so a lost broker surfaces as failures instead of a hang.
     */
    public static Map<String, Object> producer(String bootstrap, Duration maxBlock) {
        return producer(KafkaClient.of(bootstrap), maxBlock);
    }

    /** As {@link #producer(String, Duration)}, through {@code kafka}'s client properties (ours win where they meet). */
    public static Map<String, Object> producer(KafkaClient kafka, Duration maxBlock) {
        Map<String, Object> settings = new LinkedHashMap<>(delivery());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "listening-producer");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(maxBlock.toMillis()));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(DELIVERY_TIMEOUT.toMillis()));
        return kafka.properties(settings);
    }
}

package dev.listening.dashboard;

import dev.listening.contract.kafka.KafkaClient;

import java.nio.file.Path;

/**
 * What the dashboard watches and where it listens.
 *
 * @param metricsFile the streamer's metrics file (JSON lines) for this topic and keyspace
 * @param port        0 for any free port (tests)
 */
public record DashboardSettings(KafkaClient kafka, String topic, String cassandra, String datacenter, String keyspace,
                                Path metricsFile, String address, int port) {
    public static final String DEFAULT_PORT = "8088";
}

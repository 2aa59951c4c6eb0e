package dev.listening.stack;

import dev.listening.contract.UserError;
import dev.listening.stack.cassandra.CassandraConfig;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.kafka.KafkaConfig;
import dev.listening.stack.kafka.KafkaService;
import dev.listening.stack.net.HostPort;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the local stack lives and listens. The flag names are the CLI's; they are here so that an
 * error about a port names the option that moves it.
 */
public record StackSettings(Path root, Path home, HostPort kafka, int kafkaControllerPort,
                            HostPort cassandra, int cassandraStoragePort, String datacenter) {
    public static final String KAFKA_FLAG = "--kafka";
    public static final String KAFKA_CONTROLLER_PORT_FLAG = "--kafka-controller-port";
    public static final String CASSANDRA_FLAG = "--cassandra";
    public static final String CASSANDRA_STORAGE_PORT_FLAG = "--cassandra-storage-port";
    public static final String READY_TIMEOUT_FLAG = "--ready-timeout";

    public StackSettings {
        root = root.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(KAFKA_FLAG, kafka.port());
        ports.put(KAFKA_CONTROLLER_PORT_FLAG, kafkaControllerPort);
        ports.put(CASSANDRA_FLAG, cassandra.port());
        ports.put(CASSANDRA_STORAGE_PORT_FLAG, cassandraStoragePort);
        if (ports.values().stream().distinct().count() != ports.size()) {
            throw new UserError("the stack's four ports must differ: " + ports.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        // validates the two extra ports like the host:port ones
        kafka.withPort(kafkaControllerPort);
        cassandra.withPort(cassandraStoragePort);
    }

    public KafkaConfig kafkaConfig() {
        return new KafkaConfig(kafka, kafkaControllerPort, home.resolve(KafkaService.NAME));
    }

    public CassandraConfig cassandraConfig() {
        return new CassandraConfig(cassandra, cassandraStoragePort, home.resolve(CassandraService.NAME));
    }
}

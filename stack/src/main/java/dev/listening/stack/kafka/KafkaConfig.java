package dev.listening.stack.kafka;

import dev.listening.stack.net.HostPort;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A single Kafka node in KRaft mode, broker and controller in one JVM. Replication factors are 1
 * everywhere: with one broker, anything higher makes the internal topics unavailable.
 */
public record KafkaConfig(HostPort broker, int controllerPort, Path dir) {
    public static final String MAIN_CLASS = "kafka.Kafka";
    public static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    static final int NODE_ID = 1;
    /** Replication factors and minimum in-sync replicas: 1, the only broker. */
    private static final List<String> SINGLE_REPLICA = List.of("default.replication.factor",
            "offsets.topic.replication.factor", "transaction.state.log.replication.factor", "transaction.state.log.min.isr",
            "share.coordinator.state.topic.replication.factor", "share.coordinator.state.topic.min.isr");

    public HostPort controller() {
        return broker.withPort(controllerPort);
    }

    public Path propertiesFile() {
        return dir.resolve("server.properties");
    }

    public Path logDirs() {
        return dir.resolve("kafka-logs");
    }

    /** Written by the storage format; its presence means the storage must not be formatted again. */
    public Path metaProperties() {
        return logDirs().resolve("meta.properties");
    }

    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        // dynamic quorum: formatted with --standalone, this node is the only voter
        p.put("controller.quorum.bootstrap.servers", controller().toString());
        p.put("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller());
        p.put("advertised.listeners", "PLAINTEXT://" + broker);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirs().toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");
        for (String name : SINGLE_REPLICA) {
            p.put(name, "1");
        }
        return p;
    }

    /** server.properties text; values are paths and addresses, which need no escaping. */
    public String serverProperties() {
        return properties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    public List<String> jvmOptions() {
        return List.of("-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    }

    public List<String> arguments() {
        return List.of(propertiesFile().toString());
    }

    public List<String> formatArguments(String clusterId) {
        return List.of("format", "-t", clusterId, "-c", propertiesFile().toString(), "--standalone");
    }
}

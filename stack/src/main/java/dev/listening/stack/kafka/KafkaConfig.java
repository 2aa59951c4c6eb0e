package dev.listening.stack.kafka;

import dev.listening.contract.Env;
import dev.listening.stack.PortUse;
import dev.listening.stack.ServiceConfig;
import dev.listening.stack.StackSettings;
import dev.listening.stack.net.HostPort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Kafka node in KRaft mode, broker and controller in one JVM: the one node of the local stack, whose
 * controller quorum is itself alone, or node {@code nodeId} of a ring whose {@code voters} (every node's
 * controller, in node id order) form a fixed quorum. Each topic gets a replica on every node and needs a
 * majority of them in sync to take a write with acks=all: with one node that is 1 and 1, with three 3 and 2.
 *
 * @param voters        empty for the one node
 * @param clusterIdFile where the id its storage is formatted with is kept: every node of a ring shares one
 */
public record KafkaConfig(int nodeId, HostPort broker, int controllerPort, Path dir, List<HostPort> voters, Path clusterIdFile)
        implements ServiceConfig {
    public static final String MAIN_CLASS = "kafka.Kafka";
    public static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    static final int ONE_NODE_ID = 1;
    /** Replication settings of the topics and the internal topics: true for a replication factor, false for a minimum in sync. */
    private static final Map<String, Boolean> REPLICATION = replication();
    /** The topics' minimum in-sync replicas, beside the internal topics' own settings. */
    private static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

    public KafkaConfig {
        voters = List.copyOf(voters);
    }

    /** The one node of the local stack. */
    public KafkaConfig(HostPort broker, int controllerPort, Path dir) {
        this(ONE_NODE_ID, broker, controllerPort, dir, List.of(), dir.resolve("cluster.id"));
    }

    public HostPort controller() {
        return broker.withPort(controllerPort);
    }

    @Override
    public Path configFile() {
        return dir.resolve("server.properties");
    }

    public Path logDirs() {
        return dir.resolve("kafka-logs");
    }

    /** Written by the storage format; its presence means the storage must not be formatted again. */
    public Path metaProperties() {
        return logDirs().resolve("meta.properties");
    }

    /** Replicas of each topic: one on every node. */
    public int replicationFactor() {
        return Math.max(1, voters.size());
    }

    /** In-sync replicas a write with acks=all needs: a majority, so that one node of three may be down. */
    public int minInSyncReplicas() {
        return replicationFactor() / 2 + 1;
    }

    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        if (voters.isEmpty()) {
            // dynamic quorum: formatted with --standalone, this node is the only voter
            p.put("controller.quorum.bootstrap.servers", controller().toString());
        } else {
            p.put("controller.quorum.voters", IntStream.range(0, voters.size())
                    .mapToObj(i -> (i + 1) + "@" + voters.get(i)).collect(Collectors.joining(",")));
        }
        p.put("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller());
        p.put("advertised.listeners", "PLAINTEXT://" + broker);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDirs().toString());
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");
        REPLICATION.forEach((name, factor) -> p.put(name, Integer.toString(factor ? replicationFactor() : minInSyncReplicas())));
        if (!voters.isEmpty()) {
            p.put(MIN_INSYNC_REPLICAS, Integer.toString(minInSyncReplicas()));
        }
        return p;
    }

    /** server.properties text; values are paths and addresses, which need no escaping. */
    @Override
    public String configuration() {
        return properties().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Override
    public List<PortUse> ports() {
        return List.of(
                new PortUse(broker, "kafka", StackSettings.KAFKA_FLAG + " or " + Env.KAFKA),
                new PortUse(controller(), "kafka controller",
                        StackSettings.KAFKA_CONTROLLER_PORT_FLAG + " or " + Env.KAFKA_CONTROLLER_PORT));
    }

    /** Half a gigabyte for the one node; a node of a ring carries less of the load and shares the machine with two more. */
    public List<String> jvmOptions() {
        List<String> options = new ArrayList<>(voters.isEmpty() ? List.of("-Xms256m", "-Xmx512m") : List.of("-Xms128m", "-Xmx384m"));
        options.addAll(List.of("-XX:+UseG1GC", "-Djava.awt.headless=true", "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        return options;
    }

    public List<String> arguments() {
        return List.of(configFile().toString());
    }

    /** The one node formats itself as the only voter; the nodes of a ring know their voters from the properties. */
    public List<String> formatArguments(String clusterId) {
        List<String> arguments = new ArrayList<>(List.of("format", "-t", clusterId, "-c", configFile().toString()));
        if (voters.isEmpty()) {
            arguments.add("--standalone");
        }
        return arguments;
    }

    private static Map<String, Boolean> replication() {
        Map<String, Boolean> settings = new LinkedHashMap<>();
        settings.put("default.replication.factor", true);
        settings.put("offsets.topic.replication.factor", true);
        settings.put("transaction.state.log.replication.factor", true);
        settings.put("transaction.state.log.min.isr", false);
        settings.put("share.coordinator.state.topic.replication.factor", true);
        settings.put("share.coordinator.state.topic.min.isr", false);
        return settings;
    }
}

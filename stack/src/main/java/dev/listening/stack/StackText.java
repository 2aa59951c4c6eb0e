package dev.listening.stack;

import dev.listening.contract.Env;
import dev.listening.contract.options.BootstrapOption;
import dev.listening.stack.cassandra.RingNode;
import dev.listening.stack.kafka.KafkaClusterState;
import dev.listening.stack.spark.SparkCluster;
import dev.listening.stack.spark.SparkMasterState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The lines ./pipeline up, status and down print on stdout. */
public final class StackText {
    private StackText() {
    }

    public static List<String> up(UpReport report, Path root) {
        List<String> lines = new ArrayList<>();
        for (ServiceReport service : report.services()) {
            String state = service.alreadyRunning() ? "already running" : "ready in " + seconds(service.readyIn());
            lines.add(String.format(Locale.ROOT, "%-14s %-16s %s   pid %d   log %s", service.name(), state,
                    listens(service.ports()), service.pid(), relative(root, service.log())));
        }
        lines.add("topic " + report.bootstrap().topic() + (report.topicCreated()
                ? " created (" + report.bootstrap().partitions() + " partition" + (report.bootstrap().partitions() == 1 ? ")" : "s)")
                : " exists"));
        lines.add("keyspace " + report.bootstrap().keyspace() + " has the schema of cql/create_db.cql, replication "
                + report.bootstrap().replication().toCql());
        lines.add(report.wasAlreadyRunning() ? "stack was already running" : "stack up in " + seconds(report.total()));
        return lines;
    }

    public static List<String> status(List<ServiceStatus> statuses, Path root) {
        return statuses.stream().map(status -> String.format(Locale.ROOT, "%-14s %-26s %s", status.name(), state(status),
                switch (status.state()) {
                    case READY, RUNNING_NOT_READY -> listens(status.ports()) + "   pid " + status.pid().orElseThrow()
                            + "   log " + relative(root, status.log());
                    case STOPPED, STALE_PID_FILE -> listens(status.ports());
                })).toList();
    }

    /** After `up --cluster`: how the other commands reach the ring and the Spark master. */
    public static List<String> clusterHints(String kafkaBootstrap, String contactPoints, ClusterSettings cluster) {
        return List.of(
                "kafka brokers " + kafkaBootstrap + " (give other commands all of them: " + BootstrapOption.BOOTSTRAP + " or "
                        + Env.KAFKA + ")",
                "cassandra ring " + contactPoints + " (give other commands all of them: --cassandra or " + Env.CASSANDRA + ")",
                "spark master " + cluster.spark().masterUrl() + ", UI " + SparkCluster.uiUrl(cluster.spark().ui())
                        + " (./pipeline stream --master " + cluster.spark().masterUrl() + " --consistency LOCAL_QUORUM)");
    }

    /** The brokers, the controller quorum and {@code topic}'s partitions, each with its leader and in-sync replicas. */
    public static List<String> kafka(String topic, Optional<KafkaClusterState> state) {
        if (state.isEmpty()) {
            return List.of("brokers        no broker answers");
        }
        KafkaClusterState kafka = state.get();
        List<String> lines = new ArrayList<>();
        lines.add("brokers        " + kafka.brokers().size() + " live (" + ids(kafka.brokers()) + "), controller "
                + (kafka.leader().isPresent() ? kafka.leader().getAsInt() : "none") + " of the quorum " + ids(kafka.voters()));
        if (kafka.topic().isEmpty()) {
            lines.add("topic          " + topic + " does not exist");
            return lines;
        }
        KafkaClusterState.TopicState t = kafka.topic().get();
        lines.add(String.format(Locale.ROOT, "topic          %s: %d partitions, replication factor %d, min.insync.replicas %d, "
                        + "%d of %d fully in sync", t.name(), t.partitions().size(),
                t.partitions().stream().mapToInt(p -> p.replicas().size()).max().orElse(0), t.minInSyncReplicas(),
                t.fullyInSync(), t.partitions().size()));
        t.partitions().forEach(p -> lines.add(String.format(Locale.ROOT, "  partition %-4d leader %-5s replicas %-10s isr %s",
                p.partition(), p.leader().isPresent() ? Integer.toString(p.leader().getAsInt()) : "none", ids(p.replicas()),
                ids(p.isr()))));
        return lines;
    }

    /** The ring, node by node, and the workers the Spark master knows. */
    public static List<String> cluster(List<RingNode> ring, Optional<SparkMasterState> master) {
        List<String> lines = new ArrayList<>();
        lines.add(ring.isEmpty() ? "ring           no node answers" : "ring           " + ring.size() + " node" + (ring.size() == 1 ? "" : "s")
                + ", " + ring.stream().filter(RingNode::upAndNormal).count() + " up and normal");
        ring.forEach(node -> lines.add(String.format(Locale.ROOT, "  %-22s %-5s %-8s %s", node.address(), node.state(),
                node.gossip(), node.datacenter())));
        if (master.isEmpty()) {
            lines.add("spark          the master's UI does not answer");
            return lines;
        }
        List<SparkMasterState.Worker> workers = master.get().workers();
        lines.add("spark          master " + master.get().url() + " " + master.get().status() + ", "
                + master.get().aliveWorkers().size() + " of " + workers.size() + " workers alive, applications: "
                + (master.get().activeApps().isEmpty() ? "none" : String.join(", ", master.get().activeApps())));
        workers.forEach(w -> lines.add(String.format(Locale.ROOT, "  %-40s %-5s %s:%d   cores %d/%d   memory %d/%d MiB   UI %s",
                w.id(), w.state(), w.host(), w.port(), w.coresUsed(), w.cores(), w.memoryUsedMb(), w.memoryMb(), w.webUi())));
        return lines;
    }

    public static List<String> down(List<StopReport> reports) {
        return reports.stream().map(report -> String.format(Locale.ROOT, "%-14s %s", report.name(), switch (report.outcome()) {
            case NOT_RUNNING -> "not running";
            case STALE_PID_FILE_REMOVED -> "not running (removed the stale pid file of pid " + report.pid().orElseThrow() + ")";
            case STOPPED -> "stopped (pid " + report.pid().orElseThrow() + ", " + seconds(report.took()) + ")";
            case KILLED -> "killed after the stop timeout (pid " + report.pid().orElseThrow() + ")";
        })).toList();
    }

    private static String state(ServiceStatus status) {
        return switch (status.state()) {
            case READY -> "running, ready";
            case RUNNING_NOT_READY -> "running, not ready";
            case STOPPED -> "not running";
            case STALE_PID_FILE -> "not running (stale pid file)";
        };
    }

    /** "127.0.0.1:9092 (kafka controller 9093)": the client address first, the other ports after it. */
    private static String listens(List<PortUse> ports) {
        String others = ports.stream().skip(1)
                .map(port -> port.role() + " " + port.endpoint().port())
                .collect(Collectors.joining(", "));
        return ports.get(0).endpoint() + (others.isEmpty() ? "" : " (" + others + ")");
    }

    private static String ids(List<Integer> ids) {
        return ids.isEmpty() ? "-" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static Path relative(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path) : path;
    }
}

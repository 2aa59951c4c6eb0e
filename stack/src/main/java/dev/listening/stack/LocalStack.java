package dev.listening.stack;

import dev.listening.contract.CassandraCredentials;
import dev.listening.stack.cassandra.LocalAuthentication;
import dev.listening.stack.cassandra.RingNode;
import dev.listening.stack.kafka.KafkaClusterState;
import dev.listening.stack.process.PidFile;
import dev.listening.stack.process.Uninterruptibly;
import dev.listening.stack.spark.SparkMasterState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local stack: a Kafka broker and a Cassandra node as JVMs of their own, in sessions of their
 * own, so they outlive the command that started them. In cluster mode, three brokers, a ring of
 * Cassandra nodes and a Spark standalone master and workers instead ({@link Topology}). Each service
 * keeps its configuration, data, log and pid file in PIPELINE_HOME/&lt;service&gt;/; the pid files are
 * how later commands find them ({@link Supervisor}). Closing the stack stops every service.
 */
public final class LocalStack implements AutoCloseable {
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final StackSettings settings;
    private final ClusterSettings cluster;
    private final Topology topology;

    /** The one-node stack: a broker and a Cassandra node. */
    public LocalStack(StackSettings settings) {
        this.settings = settings;
        this.cluster = null;
        this.topology = Topology.oneNode(settings);
    }

    /** Cluster mode: three brokers, a Cassandra ring and a Spark standalone cluster. */
    public LocalStack(StackSettings settings, ClusterSettings cluster) {
        this.settings = settings;
        this.cluster = cluster;
        this.topology = Topology.cluster(settings, cluster);
    }

    public StackSettings settings() {
        return settings;
    }

    public Optional<ClusterSettings> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** Every broker, for the Kafka clients' bootstrap.servers. */
    public String kafkaBootstrap() {
        return topology.kafkaBootstrap();
    }

    /** Contact points of every Cassandra node, for the driver and the connector. */
    public String cassandraContactPoints() {
        return topology.cassandraContactPoints();
    }

    /**
     * Starts the services that are not running, waits until clients can use them, then creates the
     * topic and applies the schema. Services already running are left as they are. On any failure,
     * whatever this call started is stopped again.
     */
    public UpReport up(Bootstrap bootstrap, Duration readyTimeout) {
        long started = System.nanoTime();
        try (Startup startup = new Startup(settings.root(), topology)) {
            List<ServiceReport> services = startup.start(readyTimeout);
            // Only the one-node stack can run with authentication (up --auth); a ring never does.
            Optional<CassandraCredentials> credentials = cluster == null ? LocalAuthentication.ensureRole(
                    cassandraContactPoints(), settings.datacenter(), settings.home(), READY_TIMEOUT) : Optional.empty();
            boolean topicCreated = bootstrap.apply(kafkaBootstrap(), cassandraContactPoints(), settings.datacenter(),
                    credentials);
            startup.handOver();
            return new UpReport(services, bootstrap, topicCreated, Supervisor.since(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local stack", e);
        }
    }

    /**
     * One service on its own, next to a stack (a benchmark's extra Cassandra node): started, awaited,
     * and stopped again if it does not become ready. Stop it with {@link #stop} on the directory
     * above its own.
     */
    public static ServiceReport startAlone(Service service, Path root, Duration readyTimeout) throws InterruptedException {
        return Supervisor.startAlone(service, root, readyTimeout);
    }

    /** Each service: its pid, whether its process runs, and whether it answers a client within {@code probeTimeout}. */
    public List<ServiceStatus> status(Duration probeTimeout) throws InterruptedException {
        List<ServiceStatus> statuses = new ArrayList<>();
        for (Service service : topology.services()) {
            statuses.add(Supervisor.status(service, probeTimeout));
        }
        return statuses;
    }

    /** True when `up --cluster` started services in {@code home} that have not been stopped. */
    public static boolean clusterRunsIn(Path home) {
        return Topology.clusterRunsIn(home);
    }

    /** Cluster mode: the Cassandra ring as a client sees it; empty for the one-node stack. */
    public List<RingNode> ring(Duration timeout) {
        return cluster == null ? List.of() : RingNode.read(cassandraContactPoints(), settings.datacenter(), timeout);
    }

    /** Cluster mode: the brokers, their controller quorum and {@code topic}'s partitions; empty when no broker answers or runs no cluster. */
    public Optional<KafkaClusterState> kafkaCluster(String topic, Duration timeout) {
        return cluster == null ? Optional.empty() : KafkaClusterState.read(kafkaBootstrap(), topic, timeout);
    }

    /** Cluster mode: the Spark master's state (workers, applications), empty when it does not answer or runs no cluster. */
    public Optional<SparkMasterState> sparkMaster(Duration timeout) throws InterruptedException {
        return cluster == null ? Optional.empty() : new SparkMasterState.Probe(cluster.spark().ui()).fetch(timeout);
    }

    public List<StopReport> down(Duration timeout) throws InterruptedException {
        return stop(settings.home(), timeout);
    }

    /**
     * Stops the services whose pid files are under {@code home} (HOME/NAME/NAME.pid): SIGTERM to all
     * of them, SIGKILL to any still running after {@code timeout}, then the pid files are removed.
     * Needs nothing but the pid files, so it also stops a stack started with other ports, or in the
     * other mode.
     */
    public static List<StopReport> stop(Path home, Duration timeout) throws InterruptedException {
        return Supervisor.stopAll(home, timeout);
    }

    /**
     * SIGKILL to the service {@code name} of the stack in {@code home} (kafka, kafka-2, cassandra-2, spark-worker-1, ...): no
     * shutdown, as when its machine dies. Returns once it is gone, with how long that took; {@link #up} starts it
     * again on its data.
     */
    public static Duration kill(Path home, String name) throws InterruptedException {
        return Supervisor.signal(home, name, true);
    }

    /** SIGTERM to one service, as ./pipeline down sends it; returns once it is gone, with how long that took. */
    public static Duration terminate(Path home, String name) throws InterruptedException {
        return Supervisor.signal(home, name, false);
    }

    /** Deletes PIPELINE_HOME: data, logs, checkpoints. Call it once the services are stopped. */
    public static void purge(Path root, Path home) {
        Purge.home(root, home);
    }

    /** Stops every service (the data stays). */
    @Override
    public void close() {
        Uninterruptibly.run(() -> down(STOP_TIMEOUT));
    }

    public static PidFile pidFile(Path dir, String name) {
        return Supervisor.pidFile(dir, name);
    }
}

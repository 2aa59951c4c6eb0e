package dev.listening.bench;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.contract.StreamerOptions;
import dev.listening.cql.Replication;
import dev.listening.stack.Bootstrap;
import dev.listening.stack.ClusterSettings;
import dev.listening.stack.LocalStack;
import dev.listening.stack.StackSettings;
import dev.listening.stack.kafka.KafkaRing;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.net.Ports;
import dev.listening.stack.spark.ExecutorResources;
import dev.listening.stack.spark.SparkCluster;
import dev.listening.stack.spark.SparkJob;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.StreamerSubmission;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stack bench faults runs on, of its own (free ports, a scratch home: the stack of ./pipeline up is
 * never touched), and how the job and verify use it. Either the one-node stack, the job on the master
 * given; or a cluster: a ring of three nodes with the keyspace at RF 3, written and read at LOCAL_QUORUM
 * (two replicas of three answer while one node is down), and a Spark master with a single worker, so
 * that a worker's loss leaves the job without an executor until the restarted worker offers a new one.
 *
 * @param executors what the job asks the cluster's master for; empty on a local master
 */
record FaultsStack(LocalStack stack, Bootstrap bootstrap, FaultTargets targets, String master,
                   Optional<ExecutorResources> executors, DefaultConsistencyLevel consistency) {
    private static final int PARTITIONS = 2;
    private static final int RING_NODES = 3;
    private static final String NODE_HEAP = "512M";
    private static final int WORKERS = 1;
    /** One task per partition at once. */
    private static final int WORKER_CORES = PARTITIONS;
    private static final String WORKER_MEMORY = "1g";
    private static final ExecutorResources EXECUTOR = new ExecutorResources("768m", WORKER_CORES, OptionalInt.empty());

    static FaultsStack oneNode(Path root, Path home, String master) {
        return new FaultsStack(new LocalStack(settings(root, home, Ports.free(4))),
                new Bootstrap(Names.TOPIC, PARTITIONS, Names.KEYSPACE, Replication.simple(1)), targets(false), master,
                Optional.empty(), DefaultConsistencyLevel.valueOf(StreamerOptions.DEFAULT_CONSISTENCY));
    }

    static FaultsStack cluster(Path root, Path home) {
        List<Integer> ports = Ports.free(5);
        StackSettings settings = settings(root, home, ports);
        SparkCluster spark = new SparkCluster(new HostPort(Env.DEFAULT_HOST, ports.get(4)), Ports.freeInARow(1 + WORKERS), WORKERS,
                WORKER_CORES, WORKER_MEMORY);
        Replication everyNode = Replication.parse(Replication.NETWORK_TOPOLOGY + ":" + settings.datacenter() + "=" + RING_NODES);
        return new FaultsStack(new LocalStack(settings, new ClusterSettings(RING_NODES, NODE_HEAP, spark)),
                new Bootstrap(Names.TOPIC, PARTITIONS, Names.KEYSPACE, everyNode), targets(true), spark.masterUrl(),
                Optional.of(EXECUTOR), DefaultConsistencyLevel.LOCAL_QUORUM);
    }

    /** The kinds of fault of either stack. */
    static FaultTargets targets(boolean cluster) {
        return cluster ? FaultTargets.cluster(RING_NODES, WORKERS) : FaultTargets.oneNode();
    }

    /** Every broker. */
    String kafka() {
        return stack.kafkaBootstrap();
    }

    /** Every Cassandra node. */
    String cassandra() {
        return stack.cassandraContactPoints();
    }

    /** The job's arguments on this stack: every node, written at this stack's consistency. */
    StreamerSubmission submission(Path root, Path songs, Path checkpoint) {
        Path home = stack.settings().home();
        return StreamerSubmission.defaults(root, home, kafka(), cassandra(), bootstrap.topic(), bootstrap.keyspace())
                .withDatacenter(stack.settings().datacenter())
                .withConsistency(consistency.name())
                .withSongs(songs)
                .withTrigger("1s")
                .withCheckpoint(checkpoint);
    }

    /** The job on this stack's master. */
    SparkJob job(StreamerSubmission submission, SparkRuntime runtime) {
        return executors.map(resources -> submission.job(runtime, master, resources, Map.of()))
                .orElseGet(() -> submission.job(runtime, master));
    }

    /** For the report: what runs where. */
    String describe() {
        return stack.cluster().map(c -> String.format("a cluster of its own: " + KafkaRing.BROKERS + " Kafka brokers, a ring of %d Cassandra nodes, a Spark master with %d "
                                + "worker(s) of %d cores, the job's executors of %s", c.cassandraNodes(), c.spark().workers(),
                        c.spark().workerCores(), EXECUTOR.memory()))
                .orElse("a one-node stack of its own, the job on " + master);
    }

    private static StackSettings settings(Path root, Path home, List<Integer> ports) {
        return new StackSettings(root, home, new HostPort(Env.DEFAULT_HOST, ports.get(0)), ports.get(1),
                new HostPort(Env.DEFAULT_HOST, ports.get(2)), ports.get(3), Env.DEFAULT_DATACENTER);
    }
}

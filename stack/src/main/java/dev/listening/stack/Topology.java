package dev.listening.stack;

import dev.listening.contract.Env;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.kafka.KafkaRing;
import dev.listening.stack.kafka.KafkaService;
import dev.listening.stack.spark.SparkCluster;
import dev.listening.stack.spark.SparkDaemon;
import dev.listening.stack.spark.SparkRuntime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which services make up the stack and in what order they start: the one-node stack (a broker and a
 * Cassandra node), or cluster mode (three brokers, a Cassandra ring and a Spark standalone cluster).
 *
 * @param stages                started in this order; the services of one stage start at once
 * @param kafkaBootstrap        every broker, for the clients
 * @param cassandraContactPoints every Cassandra node, for the driver and the connector
 */
record Topology(List<List<Service>> stages, String kafkaBootstrap, String cassandraContactPoints) {
    Topology {
        stages = stages.stream().map(List::copyOf).toList();
    }

    static Topology oneNode(StackSettings settings) {
        return new Topology(List.of(List.of(new KafkaService(settings.kafkaConfig()),
                new CassandraService(settings.cassandraConfig(), settings.datacenter()))), settings.kafka().toString(),
                settings.cassandra().toString());
    }

    /**
     * The ring's first node (its seed) and the Spark master first, then the other nodes and the workers,
     * which join them, and the brokers, which need none of them: with the nodes in one stage, a broker and a
     * node lost at once are started again at once; and all three brokers start together, as a controller
     * quorum of three needs two of them to elect a leader.
     */
    static Topology cluster(StackSettings settings, ClusterSettings cluster) {
        List<CassandraService> nodes = cluster.ring(settings).services(settings.home(), settings.datacenter());
        SparkRuntime spark = new SparkRuntime(settings.root(), settings.home());
        SparkCluster sparkCluster = cluster.spark();
        String uiHowToChange = ClusterSettings.SPARK_UI_PORT_FLAG + " or " + Env.SPARK_UI_PORT;
        List<Service> first = List.of(nodes.get(0),
                SparkDaemon.master(sparkCluster, spark, ClusterSettings.SPARK_MASTER_FLAG + " or " + Env.SPARK_MASTER, uiHowToChange));
        KafkaRing brokers = cluster.brokers(settings);
        List<Service> second = new ArrayList<>(brokers.services(settings.home()));
        second.addAll(nodes.subList(1, nodes.size()));
        for (int worker = 1; worker <= sparkCluster.workers(); worker++) {
            second.add(SparkDaemon.worker(sparkCluster, worker, spark, uiHowToChange));
        }
        return new Topology(List.of(first, second), brokers.bootstrap(), cluster.ring(settings).contactPoints());
    }

    /** True when `up --cluster` started services in {@code home} that have not been stopped (the ring's first node). */
    static boolean clusterRunsIn(Path home) {
        String first = CassandraService.nodeName(1);
        return Files.exists(Supervisor.pidFile(home.resolve(first), first).path());
    }

    /** Every service, in start order. */
    List<Service> services() {
        return stages.stream().flatMap(List::stream).toList();
    }
}

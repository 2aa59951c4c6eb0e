package dev.listening.bench;

import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.kafka.KafkaRing;
import dev.listening.stack.kafka.KafkaService;
import dev.listening.stack.spark.SparkDaemon;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The kinds of fault a stack offers, and for each the services of the stack it may kill: none for the
 * streaming job, which is no service of the stack. On a cluster any of the brokers stands for the broker,
 * the ring's first node (its seed, the first contact point) for the Cassandra node, and the other nodes
 * and the workers are kinds of their own.
 *
 * @param services the kinds in the order a report lists them
 */
public record FaultTargets(Map<Fault, List<String>> services) {
    public FaultTargets {
        Map<Fault, List<String>> copy = new LinkedHashMap<>();
        services.forEach((fault, names) -> copy.put(fault, List.copyOf(names)));
        services = Collections.unmodifiableMap(copy);
    }

    /** The one-node stack: the job, the node and the broker. */
    public static FaultTargets oneNode() {
        Map<Fault, List<String>> services = new LinkedHashMap<>();
        services.put(Fault.STREAMER, List.of());
        services.put(Fault.CASSANDRA, List.of(CassandraService.NAME));
        services.put(Fault.KAFKA, List.of(KafkaService.NAME));
        return new FaultTargets(services);
    }

    /** The brokers of a cluster, a ring of {@code nodes} Cassandra nodes and {@code workers} Spark workers. */
    public static FaultTargets cluster(int nodes, int workers) {
        Map<Fault, List<String>> services = new LinkedHashMap<>();
        services.put(Fault.STREAMER, List.of());
        services.put(Fault.CASSANDRA, List.of(CassandraService.nodeName(1)));
        services.put(Fault.KAFKA, IntStream.rangeClosed(1, KafkaRing.BROKERS).mapToObj(KafkaService::nodeName).toList());
        if (nodes > 1) {
            services.put(Fault.RING_NODE, IntStream.rangeClosed(2, nodes).mapToObj(CassandraService::nodeName).toList());
        }
        services.put(Fault.SPARK_WORKER, IntStream.rangeClosed(1, workers).mapToObj(SparkDaemon::workerName).toList());
        return new FaultTargets(services);
    }

    public List<Fault> kinds() {
        return List.copyOf(services.keySet());
    }

    /** The services a fault of this kind may kill; empty for the job and for a kind this stack does not offer. */
    public List<String> of(Fault fault) {
        return services.getOrDefault(fault, List.of());
    }
}

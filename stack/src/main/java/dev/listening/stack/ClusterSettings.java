package dev.listening.stack;

import dev.listening.contract.UserError;
import dev.listening.stack.cassandra.CassandraRing;
import dev.listening.stack.kafka.KafkaRing;
import dev.listening.stack.spark.SparkCluster;

/**
 * What `up --cluster` adds to the stack's settings: {@value KafkaRing#BROKERS} Kafka brokers on
 * consecutive addresses from the stack's Kafka address, a ring of {@code cassandraNodes} Cassandra nodes
 * on consecutive addresses from the stack's Cassandra address, each with {@code cassandraHeap} of
 * heap, and a Spark standalone cluster.
 */
public record ClusterSettings(int cassandraNodes, String cassandraHeap, SparkCluster spark) {
    public static final String CLUSTER_FLAG = "--cluster";
    public static final String SPARK_MASTER_FLAG = "--spark-master";
    public static final String SPARK_UI_PORT_FLAG = "--spark-ui-port";

    public ClusterSettings {
        if (!cassandraHeap.matches("\\d+[mMgG]")) {
            throw new UserError("Cassandra heap '" + cassandraHeap + "' is not a size such as 512M or 1G");
        }
    }

    public KafkaRing brokers(StackSettings settings) {
        return new KafkaRing(settings.kafka(), settings.kafkaControllerPort());
    }

    public CassandraRing ring(StackSettings settings) {
        return new CassandraRing(settings.cassandra(), settings.cassandraStoragePort(), cassandraNodes, cassandraHeap);
    }
}

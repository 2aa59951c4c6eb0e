package dev.listening.stack;

import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.Topics;
import dev.listening.cql.Replication;
import dev.listening.cql.Schema;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What `up` creates once the services are ready: the topic, and the keyspace with cql/create_db.cql
 * applied. Checked when built, so a bad name fails before any service starts.
 */
public record Bootstrap(String topic, int partitions, String keyspace, Replication replication) {
    /** Partitions of the topic on a cluster: Spark reads each in a task of its own. */
    public static final int CLUSTER_PARTITIONS = 4;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public Bootstrap {
        if (partitions < 1) {
            throw new UserError("partitions must be at least 1, got " + partitions);
        }
        try {
            Topic.validate(topic);
        } catch (InvalidTopicException e) {
            throw new UserError("topic '" + topic + "': " + e.getMessage(), e);
        }
        Schema.load().statementsFor(keyspace, replication);
    }

    /** For the one-node stack: unless given, 1 partition and {@value Replication#LOCAL_DEFAULT}. */
    public static Bootstrap oneNode(String topic, Optional<Integer> partitions, String keyspace, Optional<Replication> replication) {
        return new Bootstrap(topic, partitions.orElse(1), keyspace,
                replication.orElseGet(() -> Replication.parse(Replication.LOCAL_DEFAULT)));
    }

    /** For a ring of {@code nodes} in {@code datacenter}: unless given, {@link #CLUSTER_PARTITIONS} and a replica on every node. */
    public static Bootstrap cluster(String topic, Optional<Integer> partitions, String keyspace, Optional<Replication> replication,
                                    String datacenter, int nodes) {
        return new Bootstrap(topic, partitions.orElse(CLUSTER_PARTITIONS), keyspace, replication.orElseGet(() -> Replication.networkTopology(datacenter, nodes)));
    }

    /** Creates the topic unless it exists, and applies the schema; true when the topic was created. */
    public boolean apply(String kafka, String cassandraContactPoints, String datacenter, Optional<CassandraCredentials> credentials) {
        // Side by side: the two services do not wait for each other.
        CompletableFuture<Boolean> topicCreated = CompletableFuture.supplyAsync(() -> Topics.ensure(kafka, topic, partitions, REQUEST_TIMEOUT));
        Schema.load().apply(cassandraContactPoints, datacenter, REQUEST_TIMEOUT, credentials, keyspace, replication);
        try {
            return topicCreated.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}

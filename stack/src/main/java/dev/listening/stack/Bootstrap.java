package dev.listening.stack;

import dev.listening.contract.UserError;
import dev.listening.cql.Replication;
import dev.listening.cql.Schema;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/**
 * What `up` creates once the services are ready: the topic, and the keyspace with cql/create_db.cql
 * applied. Checked when built, so a bad name fails before any service starts.
 */
public record Bootstrap(String topic, int partitions, String keyspace, Replication replication) {
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
}

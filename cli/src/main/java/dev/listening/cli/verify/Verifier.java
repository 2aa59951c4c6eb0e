package dev.listening.cli.verify;

import com.datastax.oss.driver.api.core.CqlSession;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads the topic, looks up what Cassandra holds for it, and reconciles the two. */
public final class Verifier {
    private final TopicReader topicReader;
    private final CqlSession session;
    private final String keyspace;

    public Verifier(TopicReader topicReader, CqlSession session, String keyspace) {
        this.topicReader = topicReader;
        this.session = session;
        this.keyspace = keyspace;
    }

    public Reconciliation.Report verify(String topic, Map<Integer, Long> from, Map<Integer, Long> to) {
        List<RecordRef> records = topicReader.read(topic, from, to);
        StoredRows stored = new StoredRows(session, keyspace);
        Set<RecordRef.PartitionKey> partitions = new HashSet<>();
        Set<Integer> kafkaPartitions = new HashSet<>();
        for (RecordRef record : records) {
            kafkaPartitions.add(record.partition());
            if (record.row() != null) {
                partitions.add(record.row().partitionKey());
            }
        }
        Set<UUID> withoutFeatures = new HashSet<>();
        Set<UUID> ids = stored.eventIds(partitions, withoutFeatures);
        Set<String> deadLetters = stored.deadLetters(topic, kafkaPartitions);
        boolean wholeTopic = from.isEmpty() && to.isEmpty();
        return new Reconciliation(records, ids, withoutFeatures, deadLetters, wholeTopic).report();
    }
}

package dev.listening.verify;

import com.datastax.oss.driver.api.core.CqlSession;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
        return read(topic, from, to).report();
    }

    /** The reconciliation, then the quality checks on the partitions the topic's records point at. */
    public QualityReport verifyQuality(String topic, Map<Integer, Long> from, Map<Integer, Long> to,
                                       Quality.Thresholds limits, int sampleHours) {
        Read read = read(topic, from, to);
        StoredRows stored = new StoredRows(session, keyspace);
        List<StoredPlay> plays = stored.plays(read.partitions());
        Map<Quality.RollupHour, Set<String>> listenersByHour = read.partitions().stream().collect(Collectors.groupingBy(
                p -> new Quality.RollupHour(p.date(), p.hour()), Collectors.mapping(RecordRef.PartitionKey::name, Collectors.toSet())));
        List<Quality.HourComparison> sampled = Quality.sample(listenersByHour.keySet(), sampleHours).stream()
                .map(h -> stored.compare(h, listenersByHour.get(h)))
                .toList();
        return new QualityReport(read.report(), Quality.evaluate(read.report(), plays, sampled, limits),
                Quality.mismatches(sampled));
    }

    private Read read(String topic, Map<Integer, Long> from, Map<Integer, Long> to) {
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
        return new Read(partitions, new Reconciliation(records, ids, withoutFeatures, deadLetters, wholeTopic).report());
    }

    private record Read(Set<RecordRef.PartitionKey> partitions, Reconciliation.Report report) {
    }

    /** The reconciliation, the quality checks, and the sampled hours whose rollup differs. */
    public record QualityReport(Reconciliation.Report reconciliation, List<Quality.Check> checks, List<String> rollupMismatches) {
        public boolean passed() {
            return checks.stream().allMatch(Quality.Check::passed);
        }
    }
}

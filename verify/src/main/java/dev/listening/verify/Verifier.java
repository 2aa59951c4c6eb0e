package dev.listening.verify;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.SongColumn;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the topic, looks up what Cassandra holds for it, and reconciles the two. */
public final class Verifier {
    private final TopicReader topicReader;
    private final CqlSession session;
    private final String keyspace;
    private final SongFeatures songs;

    /** @param songs the songs CSV the streamer joins, which the rows' song features must match */
    public Verifier(TopicReader topicReader, CqlSession session, String keyspace, SongFeatures songs) {
        this.topicReader = topicReader;
        this.session = session;
        this.keyspace = keyspace;
        this.songs = songs;
    }

    /** The records' own partitions ({@link Scope#RECORDS}). */
    public Reconciliation.Report verify(String topic, Map<Integer, Long> from, Map<Integer, Long> to) {
        return verify(topic, from, to, Scope.RECORDS);
    }

    /**
     * @param from start offsets by partition (missing partitions: the beginning)
     * @param to   end offsets by partition, exclusive (missing partitions: the end when reading starts)
     */
    public Reconciliation.Report verify(String topic, Map<Integer, Long> from, Map<Integer, Long> to, Scope scope) {
        return read(topic, from, to, scope).report();
    }

    /** The reconciliation, then the quality checks on the partitions the topic's records point at. */
    public QualityReport verifyQuality(String topic, Map<Integer, Long> from, Map<Integer, Long> to, Scope scope,
                                       Quality.Thresholds limits, int sampleHours) {
        Read read = read(topic, from, to, scope);
        List<StoredPlay> plays = read.rows().stream()
                .filter(row -> read.partitions().contains(row.key().partition()))
                .map(row -> new StoredPlay(row.key().partition().name(), row.key().ts(),
                        (Long) row.value(SongColumn.DURATION_MS.column())))
                .toList();
        StoredRows stored = new StoredRows(session, keyspace);
        Map<Quality.RollupHour, Set<String>> listenersByHour = read.partitions().stream().collect(Collectors.groupingBy(
                p -> new Quality.RollupHour(p.date(), p.hour()), Collectors.mapping(RecordRef.PartitionKey::name, Collectors.toSet())));
        List<Quality.HourComparison> sampled = Quality.sample(listenersByHour.keySet(), sampleHours).stream()
                .map(h -> stored.compare(h, listenersByHour.get(h)))
                .toList();
        return new QualityReport(read.report(), Quality.evaluate(read.report(), plays, sampled, limits),
                Quality.mismatches(sampled));
    }

    private Read read(String topic, Map<Integer, Long> from, Map<Integer, Long> to, Scope scope) {
        boolean wholeTopic = from.isEmpty() && to.isEmpty();
        List<RecordRef> records = new ArrayList<>();
        Set<RecordRef.PrimaryKey> outsideRange = new HashSet<>();
        if (scope == Scope.FULL && !wholeTopic) {
            for (RecordRef record : topicReader.read(topic, Map.of(), Map.of())) {
                if (inRange(record, from, to)) {
                    records.add(record);
                } else if (record.row() != null) {
                    outsideRange.add(record.row().primaryKey());
                }
            }
        } else {
            records.addAll(topicReader.read(topic, from, to));
        }
        Set<RecordRef.PartitionKey> partitions = new HashSet<>();
        Set<String> listeners = new HashSet<>();
        Set<Integer> kafkaPartitions = new HashSet<>();
        for (RecordRef record : records) {
            kafkaPartitions.add(record.partition());
            if (record.row() != null) {
                partitions.add(record.row().partitionKey());
                listeners.add(record.row().name());
            }
        }
        StoredRows stored = new StoredRows(session, keyspace);
        Set<RecordRef.PartitionKey> toRead = new HashSet<>(partitions);
        String judgedIn;
        if (scope == Scope.FULL) {
            toRead.addAll(stored.partitionsOf(listeners));
            judgedIn = String.format("all %,d partitions of the %,d listeners seen", toRead.size(), listeners.size());
        } else if (wholeTopic) {
            judgedIn = String.format("the %,d partitions the records point at", toRead.size());
        } else {
            judgedIn = "not judged: a range's partitions may hold other records' rows (a full check judges them)";
        }
        List<StoredRow> rows = stored.rows(toRead);
        Reconciliation.Coverage coverage = new Reconciliation.Coverage(range(from, to), toRead.size(),
                scope == Scope.FULL || wholeTopic, judgedIn);
        Reconciliation.Report report = new Reconciliation(records, rows, stored.deadLetters(topic, kafkaPartitions), songs,
                coverage, outsideRange).report();
        return new Read(partitions, rows, report);
    }

    static boolean inRange(RecordRef record, Map<Integer, Long> from, Map<Integer, Long> to) {
        return record.offset() >= from.getOrDefault(record.partition(), Long.MIN_VALUE)
                && record.offset() < to.getOrDefault(record.partition(), Long.MAX_VALUE);
    }

    private static String range(Map<Integer, Long> from, Map<Integer, Long> to) {
        if (from.isEmpty() && to.isEmpty()) {
            return "the whole topic";
        }
        return "offsets from " + (from.isEmpty() ? "the beginning" : from) + " to " + (to.isEmpty() ? "the end" : to + " (exclusive)");
    }

    /** The records' own partitions, the rows read (there and, in a full check, elsewhere) and the verdict. */
    private record Read(Set<RecordRef.PartitionKey> partitions, List<StoredRow> rows, Reconciliation.Report report) {
    }

    /** The reconciliation, the quality checks, and the sampled hours whose rollup differs. */
    public record QualityReport(Reconciliation.Report reconciliation, List<Quality.Check> checks, List<String> rollupMismatches) {
        public boolean passed() {
            return checks.stream().allMatch(Quality.Check::passed);
        }
    }
}

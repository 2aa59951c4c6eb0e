package dev.listening.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The verdict on a topic range against Cassandra. Every record must be accounted for exactly once:
 * a well-formed event by its listening_history row (found by primary key, every column as the event
 * and the songs CSV say), anything else by a dead letter at its partition and offset carrying its
 * Kafka timestamp. A well-formed event found only as a dead letter, a row that differs from its
 * event, and (where judged) a row that no record explains are failures too.
 */
public final class Reconciliation {
    private final List<RecordRef> records;
    private final Map<RecordRef.PrimaryKey, StoredRow> rows;
    private final Map<String, Instant> deadLetters;
    private final SongFeatures songs;
    private final Coverage coverage;
    private final Set<RecordRef.PrimaryKey> outsideRange;

    /** What a verification read and where it judged rows no record explains, for its summary. */
    public record Coverage(String range, long partitionsRead, boolean unexpectedJudged, String judgedIn) {
    }

    /**
     * @param records      the records of the range checked
     * @param rows         the listening_history rows read (the partitions of {@code coverage})
     * @param deadLetters  "partition@offset" to received_at of the dead letters of the topic's partitions
     * @param songs        the songs CSV the streamer joins
     * @param coverage     what was read; when {@code unexpectedJudged}, every row read must be explained
     * @param outsideRange primary keys of the topic's records outside the range: rows they explain are
     *                     counted apart, not unexpected
     */
    public Reconciliation(List<RecordRef> records, Collection<StoredRow> rows, Map<String, Instant> deadLetters,
                          SongFeatures songs, Coverage coverage, Set<RecordRef.PrimaryKey> outsideRange) {
        this.records = records;
        this.rows = new HashMap<>();
        rows.forEach(row -> this.rows.put(row.key(), row));
        this.deadLetters = deadLetters;
        this.songs = songs;
        this.coverage = coverage;
        this.outsideRange = outsideRange;
    }

    public Report report() {
        List<String> missing = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        List<String> deadLetteredEvents = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        Map<UUID, Integer> offsetsPerId = new HashMap<>();
        Set<RecordRef.PrimaryKey> explained = new HashSet<>();
        long stored = 0;
        long deadLettered = 0;
        long joinMisses = 0;
        long stale = 0;
        for (RecordRef record : records) {
            Instant deadLetterTimestamp = deadLetters.get(record.coordinates());
            boolean asDeadLetter = record.timestamp().equals(deadLetterTimestamp);
            if (deadLetterTimestamp != null && !asDeadLetter) {
                stale++;
            }
            EventRow event = record.row();
            if (event == null) {
                if (asDeadLetter) {
                    deadLettered++;
                } else {
                    missing.add(record.coordinates());
                }
                continue;
            }
            offsetsPerId.merge(event.eventId(), 1, Integer::sum);
            explained.add(event.primaryKey());
            StoredRow row = rows.get(event.primaryKey());
            String id = record.coordinates() + " " + event.eventId();
            if (row != null && asDeadLetter) {
                doubled.add(id);
            } else if (row != null) {
                stored++;
                joinMisses += songs.has(event.song(), event.artists()) ? 0 : 1;
                List<String> differences = RowCheck.differences(event, row, songs);
                if (!differences.isEmpty()) {
                    differing.add(id + ": " + String.join("; ", differences));
                }
            } else if (asDeadLetter) {
                deadLetteredEvents.add(id);
            } else {
                missing.add(id);
            }
        }
        long duplicateIds = offsetsPerId.values().stream().filter(n -> n > 1).count();
        List<String> unexpected = new ArrayList<>();
        long ofOtherRecords = 0;
        if (coverage.unexpectedJudged()) {
            for (RecordRef.PrimaryKey key : rows.keySet()) {
                if (explained.contains(key)) {
                    continue;
                }
                if (outsideRange.contains(key)) {
                    ofOtherRecords++;
                } else {
                    unexpected.add(key.toString());
                }
            }
            unexpected.sort(null);
        }
        return new Report(coverage, records.size(), rows.size(), stored, deadLettered, joinMisses, duplicateIds, stale,
                ofOtherRecords, missing, doubled, deadLetteredEvents, differing, unexpected);
    }

    /**
     * @param staleDeadLetters        dead letters at a record's offset with another timestamp: an earlier topic's
     * @param rowsOfRecordsOutsideRange rows read that records outside the range explain (full mode)
     * @param deadLetteredEvents      well-formed events found only as dead letters
     * @param differing               rows whose columns differ from their event or the songs CSV, with what differs
     */
    public record Report(Coverage coverage, long records, long rowsRead, long stored, long deadLetters, long joinMisses,
                         long duplicateIdsInTopic, long staleDeadLetters, long rowsOfRecordsOutsideRange,
                         List<String> missing, List<String> doubled, List<String> deadLetteredEvents,
                         List<String> differing, List<String> unexpected) {
        /** Every record stored exactly once, as it was sent, and no row unexplained where rows were judged. */
        public boolean passed() {
            return missing.isEmpty() && doubled.isEmpty() && deadLetteredEvents.isEmpty() && differing.isEmpty()
                    && unexpected.isEmpty();
        }
    }
}

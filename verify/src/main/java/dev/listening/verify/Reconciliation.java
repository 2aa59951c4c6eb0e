package dev.listening.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The verdict on one topic against Cassandra: every record must be accounted for exactly once,
 * by a listening_history row with its event_id or by a dead letter at its offset, never both and
 * never neither. Rows of the partitions it touched that no record explains are unexpected.
 */
public final class Reconciliation {
    private final List<RecordRef> records;
    private final Set<UUID> storedIds;
    private final Set<UUID> storedWithoutFeatures;
    private final Set<String> deadLetters;
    private final boolean wholeTopic;

    /**
     * @param records            the records read from the topic
     * @param storedIds          event_ids found in the partitions those records point at
     * @param storedWithoutFeatures of those, the rows whose song features are null (join misses)
     * @param deadLetters        "partition@offset" of the dead letters found for the topic
     * @param wholeTopic         true when records is the whole topic, so that any row in the touched
     *                           partitions without a record is unexpected
     */
    public Reconciliation(List<RecordRef> records, Set<UUID> storedIds, Set<UUID> storedWithoutFeatures,
                          Set<String> deadLetters, boolean wholeTopic) {
        this.records = records;
        this.storedIds = storedIds;
        this.storedWithoutFeatures = storedWithoutFeatures;
        this.deadLetters = deadLetters;
        this.wholeTopic = wholeTopic;
    }

    public Report report() {
        List<String> missing = new ArrayList<>();
        List<String> doubled = new ArrayList<>();
        Map<UUID, Integer> offsetsPerId = new HashMap<>();
        Set<UUID> explained = new HashSet<>();
        long stored = 0;
        long deadLettered = 0;
        long joinMisses = 0;
        for (RecordRef record : records) {
            boolean asRow = record.row() != null && storedIds.contains(record.row().eventId());
            boolean asDeadLetter = deadLetters.contains(record.coordinates());
            if (record.row() != null) {
                offsetsPerId.merge(record.row().eventId(), 1, Integer::sum);
                explained.add(record.row().eventId());
            }
            if (asRow && asDeadLetter) {
                doubled.add(record.coordinates());
            } else if (asRow) {
                stored++;
                if (storedWithoutFeatures.contains(record.row().eventId())) {
                    joinMisses++;
                }
            } else if (asDeadLetter) {
                deadLettered++;
            } else {
                missing.add(record.coordinates() + (record.row() == null ? "" : " " + record.row().eventId()));
            }
        }
        long duplicateIds = offsetsPerId.values().stream().filter(n -> n > 1).count();
        List<String> unexpected = wholeTopic
                ? storedIds.stream().filter(id -> !explained.contains(id)).map(UUID::toString).sorted().toList()
                : List.of();
        return new Report(records.size(), stored, deadLettered, joinMisses, duplicateIds, missing, doubled, unexpected);
    }

    public record Report(long records, long stored, long deadLetters, long joinMisses, long duplicateIdsInTopic,
                         List<String> missing, List<String> doubled, List<String> unexpected) {
        public boolean exactlyOnce() {
            return missing.isEmpty() && doubled.isEmpty() && unexpected.isEmpty();
        }
    }
}

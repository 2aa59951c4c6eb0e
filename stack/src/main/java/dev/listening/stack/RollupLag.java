package dev.listening.stack;

import dev.listening.contract.metrics.BatchMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How far the rollups trail the history, from the streamer's metrics file: the batches stored and not
 * yet rolled up, their rows, the event time between the newest stored event and the newest one
 * the rollups cover, and the events too late for the rollups (stored, not rolled up).
 *
 * @param lastBatch           the newest batch stored
 * @param rolledUpThrough     the last batch whose rollups are written; empty before the first
 * @param batchesBehind       stored batches not yet rolled up
 * @param rowsBehind          their rows stored in listening_history
 * @param eventSecondsBehind  newest stored event time minus the newest one rolled up; empty when unknown
 * @param lateForRollups      events older than the rollups' watermark, over the file's records
 */
public record RollupLag(long lastBatch, Optional<Long> rolledUpThrough, long batchesBehind, long rowsBehind,
                 Optional<Double> eventSecondsBehind, long lateForRollups) {

    /** Empty when the file holds no batch yet. */
    public static Optional<RollupLag> of(List<BatchMetrics> records) {
        // a replayed batch (restart) is reported again under its id: its last record counts
        Map<Long, BatchMetrics> batches = new LinkedHashMap<>();
        Long rolledUpThrough = null;
        for (BatchMetrics record : records) {
            if (!record.idle()) {
                batches.put(record.batch(), record);
            }
            if (record.rolledUpThroughBatch() != null) {
                rolledUpThrough = record.rolledUpThroughBatch();
            }
        }
        if (batches.isEmpty()) {
            return Optional.empty();
        }
        long through = rolledUpThrough == null ? Long.MIN_VALUE : rolledUpThrough;
        List<BatchMetrics> behind = batches.values().stream().filter(b -> b.batch() > through).toList();
        long last = batches.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        Optional<Instant> newest = newestEventTime(batches.values().stream().toList());
        Optional<Instant> newestRolledUp = newestEventTime(batches.values().stream().filter(b -> b.batch() <= through).toList());
        Optional<Double> seconds = behind.isEmpty() ? Optional.of(0.0)
                : newest.flatMap(n -> newestRolledUp.map(r -> Duration.between(r, n).toMillis() / 1000.0));
        return Optional.of(new RollupLag(last, Optional.ofNullable(rolledUpThrough), behind.size(),
                behind.stream().mapToLong(BatchMetrics::rowsStored).sum(), seconds,
                records.stream().mapToLong(BatchMetrics::lateForRollups).sum()));
    }

    private static Optional<Instant> newestEventTime(List<BatchMetrics> batches) {
        return batches.stream().map(BatchMetrics::newestEventTime).filter(t -> t != null).map(Instant::parse)
                .max(Instant::compareTo);
    }

    public String line() {
        String through = rolledUpThrough.map(id -> "through batch " + id).orElse("not yet written");
        String seconds = eventSecondsBehind.map(s -> String.format(Locale.ROOT, "%.1f s of event time, ", s)).orElse("");
        return String.format(Locale.ROOT, "%-14s %s (history at batch %d): %s%,d batches, %,d rows behind; %,d events late for rollups",
                "rollups", through, lastBatch, seconds, batchesBehind, rowsBehind, lateForRollups);
    }
}

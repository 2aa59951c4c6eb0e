package dev.listening.dashboard.live;

import dev.listening.contract.metrics.BatchMetrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the streamer's records add up to, and its last record: a pure fold over the metrics file.
 *
 * @param last null before the first record
 */
public record StreamerTotals(long batches, long rowsStored, long deadLetters, long joinMisses, BatchMetrics last) {
    public static final StreamerTotals NONE = new StreamerTotals(0, 0, 0, 0, null);

    public StreamerTotals plus(List<BatchMetrics> records) {
        StreamerTotals totals = this;
        for (BatchMetrics r : records) {
            totals = new StreamerTotals(totals.batches + (r.idle() ? 0 : 1), totals.rowsStored + r.rowsStored(),
                    totals.deadLetters + r.deadLetters(), totals.joinMisses + r.joinMisses(), r);
        }
        return totals;
    }

    /** Now minus the newest event time stored, as the streamer's Prometheus gauge counts it; null before any. */
    public Double freshnessSeconds(Instant now) {
        if (last == null || last.newestEventTime() == null) {
            return null;
        }
        return Duration.between(Instant.parse(last.newestEventTime()), now).toMillis() / 1000.0;
    }

    /** How long ago the streamer last reported; null before any record. */
    public Duration silence(Instant now) {
        return last == null ? null : Duration.between(Instant.parse(last.time()), now);
    }
}

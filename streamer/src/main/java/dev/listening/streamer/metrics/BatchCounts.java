package dev.listening.streamer.metrics;

import dev.listening.streamer.plan.ListeningPlan;

import java.util.Map;

/**
 * What one micro-batch held, as its writer counted: records read, dead letters among them, well-formed
 * events without a song, writes retried through a Cassandra outage, and the epoch milliseconds of the
 * newest well-formed event and of the newest Kafka timestamp read (null when the batch had none).
 */
public record BatchCounts(long rows, long deadLetters, long joinMisses, long retries, Long newestEventMs, Long newestKafkaMs) {
    public static final BatchCounts NONE = new BatchCounts(0, 0, 0, 0, null, null);

    /** From the metrics {@link ListeningPlan#observe} collects. */
    public static BatchCounts of(Map<String, Object> observed, long retries) {
        return new BatchCounts(count(observed, ListeningPlan.ROWS), count(observed, ListeningPlan.DEAD_LETTERS),
                count(observed, ListeningPlan.JOIN_MISSES), retries, millis(observed, ListeningPlan.NEWEST_EVENT_MS),
                millis(observed, ListeningPlan.NEWEST_KAFKA_MS));
    }

    public BatchCounts plusRetries(long more) {
        return new BatchCounts(rows, deadLetters, joinMisses, retries + more, newestEventMs, newestKafkaMs);
    }

    public long rowsStored() {
        return rows - deadLetters;
    }

    private static long count(Map<String, Object> observed, String name) {
        Object value = observed.get(name);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Long millis(Map<String, Object> observed, String name) {
        Object value = observed.get(name);
        return value == null ? null : ((Number) value).longValue();
    }
}

package dev.listening.streamer.metrics;

import dev.listening.streamer.plan.ListeningPlan;

import java.util.Map;

/** What one micro-batch held: records read, dead letters among them, well-formed events without a song. */
public record BatchCounts(long rows, long deadLetters, long joinMisses) {
    public static final BatchCounts NONE = new BatchCounts(0, 0, 0);

    /** From the metrics {@link ListeningPlan#observe} collects. */
    public static BatchCounts of(Map<String, Object> observed) {
        return new BatchCounts(count(observed, ListeningPlan.ROWS), count(observed, ListeningPlan.DEAD_LETTERS),
                count(observed, ListeningPlan.JOIN_MISSES));
    }

    private static long count(Map<String, Object> observed, String name) {
        Object value = observed.get(name);
        return value == null ? 0 : ((Number) value).longValue();
    }
}

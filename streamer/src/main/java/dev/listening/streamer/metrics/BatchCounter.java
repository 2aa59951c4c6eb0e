package dev.listening.streamer.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands each batch's counts from the writer, which counts while it writes, to the {@link MetricsListener},
 * which runs on Spark's listener thread once the batch is committed.
 */
public final class BatchCounter {
    private final Map<Long, BatchCounts> counts = new ConcurrentHashMap<>();

    public void record(long batchId, BatchCounts batch) {
        counts.put(batchId, batch);
    }

    /** The batch's counts, forgotten once taken; none for a batch that read nothing. */
    public BatchCounts take(long batchId) {
        BatchCounts batch = counts.remove(batchId);
        return batch == null ? BatchCounts.NONE : batch;
    }
}

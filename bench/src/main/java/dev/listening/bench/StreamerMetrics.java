package dev.listening.bench;

import dev.listening.contract.metrics.BatchMetrics;
import dev.listening.contract.metrics.MetricsFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The streamer's metrics file read back (benchmarks, and tests that watch a stream): whether its query
 * started (the job creates the file then), its batches, and the last batch whose rollups are written.
 */
public record StreamerMetrics(boolean started, List<BatchMetrics> batches, long rolledUpThrough) {
    private static final long NONE = -1;
    private static final double MILLIS_PER_SECOND = 1000.0;

    public static StreamerMetrics read(Path file) {
        return of(Files.exists(file), MetricsFile.read(file));
    }

    /** Idle triggers are no batches; they only carry the rollups' progress. */
    static StreamerMetrics of(boolean started, List<BatchMetrics> records) {
        return new StreamerMetrics(started, records.stream().filter(r -> !r.idle()).toList(),
                records.stream().map(BatchMetrics::rolledUpThroughBatch).filter(id -> id != null)
                        .mapToLong(Long::longValue).max().orElse(NONE));
    }

    public long rows() {
        return batches.stream().mapToLong(BatchMetrics::inputRows).sum();
    }

    /** Whether the batches hold this many rows and the rollups cover the batch that brought the total there. */
    public boolean rolledUp(long rows) {
        long sum = 0;
        for (BatchMetrics batch : batches) {
            sum += batch.inputRows();
            if (sum >= rows) {
                return batch.batch() <= rolledUpThrough;
            }
        }
        return false;
    }

    public long deadLetters() {
        return batches.stream().mapToLong(BatchMetrics::deadLetters).sum();
    }

    public long joinMisses() {
        return batches.stream().mapToLong(BatchMetrics::joinMisses).sum();
    }

    public long retries() {
        return batches.stream().mapToLong(BatchMetrics::retries).sum();
    }

    /** The Spark runs (query starts) that wrote the batches: one unless the job restarted its query. */
    public long runs() {
        return batches.stream().map(BatchMetrics::runId).distinct().count();
    }

    /**
     * Rows per second over the batches that start after {@code warmupRows} rows (and never the first
     * batch, which also pays for the first connections): the JVM's JIT warms up over several batches.
     */
    double steadyRowsPerSecond(long warmupRows) {
        return steady(warmupRows).stream().mapToLong(BatchMetrics::inputRows).sum() / steadySeconds(warmupRows);
    }

    List<BatchMetrics> steady(long warmupRows) {
        long before = 0;
        int first = 0;
        while (first < batches.size() && (first == 0 || before < warmupRows)) {
            before += batches.get(first++).inputRows();
        }
        return batches.subList(first, batches.size());
    }

    static double seconds(BatchMetrics batch) {
        return batch.durationMs() / MILLIS_PER_SECOND;
    }

    private double steadySeconds(long warmupRows) {
        double seconds = steady(warmupRows).stream().mapToDouble(StreamerMetrics::seconds).sum();
        return seconds == 0 ? Double.POSITIVE_INFINITY : seconds;
    }
}

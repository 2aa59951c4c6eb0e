package dev.listening.bench;

import dev.listening.contract.metrics.BatchMetrics;
import dev.listening.contract.metrics.MetricsFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The streamer's metrics file read back (benchmarks, and tests that watch a stream): whether its query
 * started (the job creates the file then), its batches, the last batch whose rollups are written, and
 * every record in the file's order (idle triggers included: they carry the rollups' progress).
 */
public record StreamerMetrics(boolean started, List<BatchMetrics> batches, long rolledUpThrough, List<BatchMetrics> records) {
    private static final long NONE = -1;
    private static final double MILLIS_PER_SECOND = 1000.0;

    public static StreamerMetrics read(Path file) {
        return of(Files.exists(file), MetricsFile.read(file));
    }

    /** Idle triggers are no batches; they only carry the rollups' progress. */
    static StreamerMetrics of(boolean started, List<BatchMetrics> records) {
        return new StreamerMetrics(started, records.stream().filter(r -> !r.idle()).toList(),
                records.stream().map(BatchMetrics::rolledUpThroughBatch).filter(id -> id != null)
                        .mapToLong(Long::longValue).max().orElse(NONE), List.copyOf(records));
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

    /**
     * Whether the newest record is at least {@code quiet} later than the last one that carried a rollup
     * batch (whose rows or time it counts); false before any did.
     */
    public boolean rollupsIdleFor(Duration quiet) {
        for (int i = records.size() - 1; i >= 0; i--) {
            BatchMetrics record = records.get(i);
            if (record.rollupRows() > 0 || record.rollupMs() > 0) {
                Instant newest = Instant.parse(records.get(records.size() - 1).time());
                return !Duration.between(Instant.parse(record.time()), newest).minus(quiet).isNegative();
            }
        }
        return false;
    }

    /** Rows the batches wrote to listening_history: what a throughput may count, unlike the records read. */
    public long rowsStored() {
        return batches.stream().mapToLong(BatchMetrics::rowsStored).sum();
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

    /**
     * Rows stored per second by the steady batches (see {@link #steady}), on a clock that starts when
     * the first of them started (its report time minus its duration) and stops at the first record
     * whose rollups cover the last of them: the rollups' catching up is part of the work measured.
     * Empty while the rollups have not caught up, or with no steady batch.
     */
    Optional<Double> caughtUpRowsPerSecond(long warmupRows) {
        return caughtUpSeconds(warmupRows).map(seconds -> steady(warmupRows).stream().mapToLong(BatchMetrics::rowsStored).sum()
                / seconds);
    }

    /** The clock of {@link #caughtUpRowsPerSecond}: from the first steady batch's start to the rollups covering the last. */
    Optional<Double> caughtUpSeconds(long warmupRows) {
        List<BatchMetrics> steady = steady(warmupRows);
        if (steady.isEmpty()) {
            return Optional.empty();
        }
        BatchMetrics first = steady.get(0);
        long last = steady.get(steady.size() - 1).batch();
        Instant start = Instant.parse(first.time()).minusMillis(first.durationMs());
        return records.stream()
                .filter(r -> r.rolledUpThroughBatch() != null && r.rolledUpThroughBatch() >= last)
                .findFirst()
                .map(r -> Duration.between(start, Instant.parse(r.time())).toNanos() / 1e9);
    }

    static double seconds(BatchMetrics batch) {
        return batch.durationMs() / MILLIS_PER_SECOND;
    }

    private double steadySeconds(long warmupRows) {
        double seconds = steady(warmupRows).stream().mapToDouble(StreamerMetrics::seconds).sum();
        return seconds == 0 ? Double.POSITIVE_INFINITY : seconds;
    }
}

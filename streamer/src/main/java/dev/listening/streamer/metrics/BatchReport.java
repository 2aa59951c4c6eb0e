package dev.listening.streamer.metrics;

import dev.listening.contract.metrics.BatchMetrics;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The one place where what Spark, the writer and the rollups report about a micro-batch becomes its
 * {@link BatchMetrics}: every outlet (the metrics file, Prometheus, the log line) takes it from here.
 */
public final class BatchReport {
    /** Offsets between the batch's end and the partition's latest, per the Kafka source; the worst partition. */
    static final String KAFKA_LAG_METRIC = "maxOffsetsBehindLatest";
    private static final double MILLIS_PER_SECOND = 1000.0;

    /**
     * Where the rollups stand when a batch is reported ({@link RollupProgress}); null where not known yet.
     * {@code late}, {@code rows} and {@code millis} count since the previous report.
     */
    public record Rollups(Long rolledUpThrough, Long lagRecords, Double lagSeconds, long late, long rows, long millis) {
        public static final Rollups NONE = new Rollups(null, null, null, 0, 0, 0);
    }

    private BatchReport() {
    }

    /**
     * Rows are the writer's count when there is one: Spark's numInputRows counts what the source
     * scanned, twice for a batch whose dead letters were read again.
     *
     * @param newestEventMs the newest event stored by this run so far, this batch's included; null if none
     */
    public static BatchMetrics batch(StreamingQueryProgress progress, BatchCounts counts, Rollups rollups, Long newestEventMs,
                                     Instant now) {
        boolean counted = !counts.equals(BatchCounts.NONE);
        long rows = counted ? counts.rows() : progress.numInputRows();
        long durationMs = progress.batchDuration();
        OptionalLong lag = kafkaLag(progress.sources());
        Long lagRecords = lag.isPresent() ? lag.getAsLong() : null;
        Double lagSeconds = lagRecords != null && lagRecords == 0 ? Double.valueOf(0)
                : counts.newestKafkaMs() == null ? null : seconds(now.toEpochMilli() - counts.newestKafkaMs());
        return new BatchMetrics(now.toString(), progress.runId().toString(), progress.batchId(), false, rows,
                counted ? counts.rowsStored() : 0, counts.deadLetters(), counts.joinMisses(), counts.retries(), durationMs,
                durationMs > 0 ? rows * MILLIS_PER_SECOND / durationMs : 0, lagRecords, lagSeconds,
                rollups.rolledUpThrough(), rollups.lagRecords(), rollups.lagSeconds(), rollups.late(), time(newestEventMs),
                freshness(newestEventMs, now), rollups.rows(), rollups.millis());
    }

    /** A trigger that found no new records: the stream is caught up with Kafka. */
    public static BatchMetrics idle(String runId, long lastBatch, Rollups rollups, Long newestEventMs, Instant now) {
        return new BatchMetrics(now.toString(), runId, lastBatch, true, 0, 0, 0, 0, 0, 0, 0, 0L, 0.0,
                rollups.rolledUpThrough(), rollups.lagRecords(), rollups.lagSeconds(), rollups.late(), time(newestEventMs),
                freshness(newestEventMs, now), rollups.rows(), rollups.millis());
    }

    /** The batch's line in the job's log, for a person. */
    public static String line(BatchMetrics m) {
        return String.format(Locale.ROOT, "batch %d: %,d rows in %.1f s (%,.0f rows/s), %,d dead letters, %,d join misses, Kafka lag %s, "
                        + "rollups %s, %,d late for rollups",
                m.batch(), m.inputRows(), m.durationMs() / MILLIS_PER_SECOND, m.rowsPerSecond(), m.deadLetters(), m.joinMisses(),
                m.kafkaLagRecords() == null ? "unknown" : String.format(Locale.ROOT, "%,d", m.kafkaLagRecords()),
                m.rollupLagRecords() == null ? "not started"
                        : String.format(Locale.ROOT, "%,d records%s behind", m.rollupLagRecords(), m.rollupLagSeconds() == null ? ""
                                : String.format(Locale.ROOT, " / %.1f s of event time", m.rollupLagSeconds())),
                m.lateForRollups());
    }

    private static OptionalLong kafkaLag(SourceProgress[] sources) {
        return Arrays.stream(sources)
                .map(s -> s.metrics().get(KAFKA_LAG_METRIC))
                .filter(Objects::nonNull)
                .mapToLong(Long::parseLong)
                .max();
    }

    private static String time(Long epochMs) {
        return epochMs == null ? null : Instant.ofEpochMilli(epochMs).toString();
    }

    private static Double freshness(Long newestEventMs, Instant now) {
        return newestEventMs == null ? null : seconds(now.toEpochMilli() - newestEventMs);
    }

    private static double seconds(long millis) {
        return millis / MILLIS_PER_SECOND;
    }
}

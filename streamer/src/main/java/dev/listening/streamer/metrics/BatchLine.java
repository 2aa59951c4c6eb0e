package dev.listening.streamer.metrics;

import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/** The numbers of one micro-batch a user cares about: its progress report and its counts. */
public record BatchLine(long batchId, long inputRows, double rowsPerSecond, long durationMs,
                        long deadLetters, long joinMisses, OptionalLong kafkaLag) {
    /** Offsets between the batch's end and the partition's latest, per the Kafka source; the worst partition. */
    static final String KAFKA_LAG_METRIC = "maxOffsetsBehindLatest";

    /**
     * Rows are the writer's count when there is one: Spark's numInputRows counts what the source
     * scanned, twice for a batch whose dead letters were read again.
     */
    public static BatchLine of(StreamingQueryProgress progress, BatchCounts counts) {
        long rows = counts.equals(BatchCounts.NONE) ? progress.numInputRows() : counts.rows();
        long durationMs = progress.batchDuration();
        return new BatchLine(progress.batchId(), rows, durationMs > 0 ? rows * 1000.0 / durationMs : 0, durationMs,
                counts.deadLetters(), counts.joinMisses(), kafkaLag(progress.sources()));
    }

    public String format() {
        return String.format(Locale.ROOT, "batch %d: %,d rows in %.1f s (%,.0f rows/s), %,d dead letters, %,d join misses, Kafka lag %s",
                batchId, inputRows, durationMs / 1000.0, rowsPerSecond, deadLetters, joinMisses,
                kafkaLag.isPresent() ? String.format(Locale.ROOT, "%,d", kafkaLag.getAsLong()) : "unknown");
    }

    private static OptionalLong kafkaLag(SourceProgress[] sources) {
        return Arrays.stream(sources)
                .map(s -> s.metrics().get(KAFKA_LAG_METRIC))
                .filter(Objects::nonNull)
                .mapToLong(Long::parseLong)
                .max();
    }
}

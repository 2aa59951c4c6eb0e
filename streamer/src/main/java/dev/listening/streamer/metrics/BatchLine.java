package dev.listening.streamer.metrics;

import dev.listening.streamer.plan.ListeningPlan;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/** The numbers of one micro-batch a user cares about, read from its progress report. */
public record BatchLine(long batchId, long inputRows, double rowsPerSecond, long durationMs,
                        long deadLetters, long joinMisses, OptionalLong kafkaLag) {
    /** Offsets between the batch's end and the partition's latest, per the Kafka source; the worst partition. */
    static final String KAFKA_LAG_METRIC = "maxOffsetsBehindLatest";

    public static BatchLine of(StreamingQueryProgress progress) {
        Row observed = progress.observedMetrics().get(ListeningPlan.OBSERVATION);
        return new BatchLine(progress.batchId(), progress.numInputRows(), progress.processedRowsPerSecond(),
                progress.batchDuration(),
                count(observed, ListeningPlan.DEAD_LETTERS), count(observed, ListeningPlan.JOIN_MISSES),
                kafkaLag(progress.sources()));
    }

    public String format() {
        return String.format(Locale.ROOT, "batch %d: %,d rows in %.1f s (%,.0f rows/s), %,d dead letters, %,d join misses, Kafka lag %s",
                batchId, inputRows, durationMs / 1000.0, rowsPerSecond, deadLetters, joinMisses,
                kafkaLag.isPresent() ? String.format(Locale.ROOT, "%,d", kafkaLag.getAsLong()) : "unknown");
    }

    private static long count(Row observed, String name) {
        return observed == null || observed.isNullAt(observed.fieldIndex(name)) ? 0 : observed.getLong(observed.fieldIndex(name));
    }

    private static OptionalLong kafkaLag(SourceProgress[] sources) {
        return Arrays.stream(sources)
                .map(s -> s.metrics().get(KAFKA_LAG_METRIC))
                .filter(Objects::nonNull)
                .mapToLong(Long::parseLong)
                .max();
    }
}

package dev.listening.streamer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listening.streamer.plan.ListeningPlan;
import org.apache.spark.sql.streaming.SinkProgress;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

class BatchLineTest {
    @Test
    void readsDurationAndKafkaLagFromTheProgressAndTheRowsFromTheWritersCounts() {
        // Spark counts what its source scanned: a batch whose dead letters were read again shows twice its rows.
        SourceProgress kafka = new SourceProgress("KafkaV2[Subscribe[listening-events]]", "{}", "{}", "{}", 2400, 100.0, 1920.0,
                Map.of("minOffsetsBehindLatest", "0", BatchLine.KAFKA_LAG_METRIC, "4500", "avgOffsetsBehindLatest", "2250.0"));
        StreamingQueryProgress progress = new StreamingQueryProgress(UUID.randomUUID(), UUID.randomUUID(), "listening",
                "2024-01-01T00:00:00.000Z", 41, 1250, Map.of(), Map.of(), new StateOperatorProgress[0],
                new SourceProgress[] {kafka}, new SinkProgress("ForeachBatchSink", 1200L, Map.of()),
                Map.of());
        BatchCounts counts = BatchCounts.of(Map.of(ListeningPlan.ROWS, 1200L, ListeningPlan.DEAD_LETTERS, 3L,
                ListeningPlan.JOIN_MISSES, 17L));

        BatchLine line = BatchLine.of(progress, counts);

        assertEquals(new BatchLine(41, 1200, 960.0, 1250, 3, 17, OptionalLong.of(4500)), line);
        assertEquals("batch 41: 1,200 rows in 1.3 s (960 rows/s), 3 dead letters, 17 join misses, Kafka lag 4,500", line.format());
    }

    @Test
    void aBatchTheWriterDidNotCountHasNoneAndTheCounterForgetsWhatWasTaken() {
        BatchCounter counter = new BatchCounter();
        counter.record(5, new BatchCounts(10, 1, 2));

        assertEquals(new BatchCounts(10, 1, 2), counter.take(5));
        assertEquals(BatchCounts.NONE, counter.take(5));
        assertEquals(BatchCounts.NONE, counter.take(6));
    }

    @Test
    void aBatchWithoutLagSaysSo() {
        BatchLine line = new BatchLine(0, 0, 0.0, 5, 0, 0, OptionalLong.empty());

        assertEquals("batch 0: 0 rows in 0.0 s (0 rows/s), 0 dead letters, 0 join misses, Kafka lag unknown", line.format());
    }
}

package dev.listening.streamer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listening.contract.metrics.BatchMetrics;
import dev.listening.streamer.plan.ListeningPlan;
import org.apache.spark.sql.streaming.SinkProgress;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

class BatchReportTest {
    private static final UUID RUN = UUID.fromString("00000000-0000-0000-0000-000000000007");
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:10Z");
    private static final BatchReport.Rollups ROLLUPS = new BatchReport.Rollups(40L, 800L, 2.5, 3, 9000, 2100);

    private static StreamingQueryProgress progress(long batchId, long durationMs, long numInputRows, String lag) {
        Map<String, String> metrics = lag == null ? Map.of()
                : Map.of("minOffsetsBehindLatest", "0", BatchReport.KAFKA_LAG_METRIC, lag, "avgOffsetsBehindLatest", "2250.0");
        SourceProgress kafka = new SourceProgress("KafkaV2[Subscribe[listening-events]]", "{}", "{}", "{}", numInputRows,
                100.0, 1920.0, metrics);
        return new StreamingQueryProgress(UUID.randomUUID(), RUN, "listening", "2024-05-01T12:00:08.750Z", batchId, durationMs,
                Map.of(), Map.of(), new StateOperatorProgress[0], new SourceProgress[] {kafka},
                new SinkProgress("ForeachBatchSink", numInputRows, Map.of()), Map.of());
    }

    @Test
    void aBatchIsDescribedByTheWritersCountsSparksProgressAndTheRollups() {
        // Spark counts what its source scanned: a batch whose dead letters were read again shows more than its rows.
        BatchCounts counts = BatchCounts.of(Map.of(ListeningPlan.ROWS, 1200L, ListeningPlan.DEAD_LETTERS, 3L,
                ListeningPlan.JOIN_MISSES, 17L, ListeningPlan.NEWEST_EVENT_MS, NOW.minusSeconds(5).toEpochMilli(),
                ListeningPlan.NEWEST_KAFKA_MS, NOW.minusMillis(1500).toEpochMilli()), 2);

        BatchMetrics m = BatchReport.batch(progress(41, 1250, 2400, "4500"), counts, ROLLUPS,
                NOW.minusSeconds(5).toEpochMilli(), NOW);

        assertEquals(new BatchMetrics("2024-05-01T12:00:10Z", RUN.toString(), 41, false, 1200, 1197, 3, 17, 2, 1250, 960.0,
                4500L, 1.5, 40L, 800L, 2.5, 3, "2024-05-01T12:00:05Z", 5.0, 9000, 2100), m);
        assertEquals("batch 41: 1,200 rows in 1.3 s (960 rows/s), 3 dead letters, 17 join misses, Kafka lag 4,500, "
                        + "rollups 800 records / 2.5 s of event time behind, 3 late for rollups",
                BatchReport.line(m));
    }

    @Test
    void caughtUpWithKafkaTheLagIsZeroInRecordsAndSeconds() {
        BatchCounts counts = new BatchCounts(10, 0, 0, 0, NOW.toEpochMilli(), NOW.minusSeconds(3).toEpochMilli());

        BatchMetrics m = BatchReport.batch(progress(3, 500, 10, "0"), counts, ROLLUPS, NOW.toEpochMilli(), NOW);

        assertEquals(0L, m.kafkaLagRecords());
        assertEquals(0.0, m.kafkaLagSeconds());
    }

    @Test
    void whatIsNotKnownYetIsNull() {
        BatchMetrics m = BatchReport.batch(progress(0, 5, 0, null), BatchCounts.NONE,
                BatchReport.Rollups.NONE, null, NOW);

        assertEquals(null, m.kafkaLagRecords());
        assertEquals(null, m.kafkaLagSeconds());
        assertEquals(null, m.rolledUpThroughBatch());
        assertEquals(null, m.newestEventTime());
        assertEquals(null, m.freshnessSeconds());
        assertEquals(null, m.rollupLagRecords());
        assertEquals(null, m.rollupLagSeconds());
        assertEquals("batch 0: 0 rows in 0.0 s (0 rows/s), 0 dead letters, 0 join misses, Kafka lag unknown, "
                + "rollups not started, 0 late for rollups", BatchReport.line(m));
    }

    @Test
    void anIdleTriggerKeepsTheLastBatchAndAgesTheNewestEvent() {
        BatchMetrics m = BatchReport.idle(RUN.toString(), 41, ROLLUPS, NOW.minusSeconds(30).toEpochMilli(), NOW);

        assertEquals(new BatchMetrics("2024-05-01T12:00:10Z", RUN.toString(), 41, true, 0, 0, 0, 0, 0, 0, 0, 0L, 0.0, 40L, 800L, 2.5, 3,
                "2024-05-01T11:59:40Z", 30.0, 9000, 2100), m);
    }

    @Test
    void theCounterHandsEachBatchsCountsOverOnce() {
        BatchCounter counter = new BatchCounter();
        BatchCounts counts = new BatchCounts(10, 1, 2, 0, null, null);
        counter.record(5, counts);

        assertEquals(counts, counter.take(5));
        assertEquals(BatchCounts.NONE, counter.take(5));
        assertEquals(BatchCounts.NONE, counter.take(6));
    }
}

package dev.listening.streamer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.streaming.SinkProgress;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

class RollupProgressTest {
    private static StreamingQueryProgress progress(long batchId, long durationMs, long rows, long endOffset, String maxEventTime) {
        String end = "{\"listening-events\":{\"0\":" + endOffset + "}}";
        SourceProgress kafka = new SourceProgress("KafkaV2[Subscribe[listening-events]]", "{}", end, end, rows, 100.0, 100.0, Map.of());
        Map<String, String> eventTime = maxEventTime == null ? Map.of() : Map.of(RollupProgress.MAX_EVENT_TIME, maxEventTime);
        return new StreamingQueryProgress(UUID.randomUUID(), UUID.randomUUID(), "q", "2024-05-01T12:00:00Z", batchId, durationMs,
                Map.of(), eventTime, new StateOperatorProgress[0], new SourceProgress[] {kafka},
                new SinkProgress("ForeachBatchSink", rows, Map.of()), Map.of());
    }

    @Test
    void theRollupBatchesRowsAndTimeAreReportedOnceEach() {
        RollupProgress rollups = new RollupProgress();
        rollups.historyBatch(progress(0, 900, 10_000, 10_000, null));
        rollups.rollupBatch(progress(0, 3_000, 6_000, 6_000, "2024-05-01T11:00:00Z"));
        rollups.rollupBatch(progress(1, 2_000, 4_000, 10_000, "2024-05-01T11:00:05Z"));

        BatchReport.Rollups first = rollups.report(null);
        BatchReport.Rollups second = rollups.report(null);

        assertEquals(new BatchReport.Rollups(0L, 0L, null, 0, 10_000, 5_000), first);
        assertEquals(new BatchReport.Rollups(0L, 0L, null, 0, 0, 0), second);
    }

    @Test
    void theRollupsTrailByTheRecordsAndEventTimeTheyHaveNotRead() {
        RollupProgress rollups = new RollupProgress();
        rollups.historyBatch(progress(0, 900, 10_000, 10_000, null));
        rollups.rollupBatch(progress(0, 3_000, 6_000, 6_000, "2024-05-01T11:00:00Z"));

        BatchReport.Rollups report = rollups.report(Instant.parse("2024-05-01T11:00:04Z").toEpochMilli());

        assertEquals(new BatchReport.Rollups(null, 4_000L, 4.0, 0, 6_000, 3_000), report);
    }
}

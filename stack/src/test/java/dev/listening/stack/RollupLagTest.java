package dev.listening.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listening.contract.metrics.BatchMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

class RollupLagTest {
    private static BatchMetrics batch(long id, long stored, String newestEvent, Long rolledUpThrough) {
        return new BatchMetrics("2024-05-01T12:00:00Z", "run", id, false, stored, stored, 0, 0, 0, 1_000, stored, 0L, 0.0,
                rolledUpThrough, null, 0.0, id, newestEvent, null, 0, 0);
    }

    private static BatchMetrics idle(long lastBatch, Long rolledUpThrough) {
        return new BatchMetrics("2024-05-01T12:01:00Z", "run", lastBatch, true, 0, 0, 0, 0, 0, 0, 0, 0L, 0.0, rolledUpThrough, null, 0.0, 0,
                null, null, 0, 0);
    }

    @Test
    void theBatchesAfterTheLastRolledUpOneAreBehind() {
        RollupLag lag = RollupLag.of(List.of(
                batch(0, 100, "2024-05-01T11:00:10Z", null),
                batch(1, 200, "2024-05-01T11:00:20Z", 0L),
                batch(2, 300, "2024-05-01T11:00:35Z", 0L))).orElseThrow();

        assertEquals(new RollupLag(2, Optional.of(0L), 2, 500, Optional.of(25.0), 3), lag);
        assertEquals("rollups        through batch 0 (history at batch 2): 25.0 s of event time, 2 batches, 500 rows behind; "
                        + "3 events late for rollups",
                lag.line());
    }

    @Test
    void anIdleTriggerThatCoversTheLastBatchMeansCaughtUp() {
        RollupLag lag = RollupLag.of(List.of(
                batch(0, 100, "2024-05-01T11:00:10Z", null),
                idle(0, 0L))).orElseThrow();

        assertEquals(new RollupLag(0, Optional.of(0L), 0, 0, Optional.of(0.0), 0), lag);
    }

    @Test
    void beforeAnyRollupEveryBatchIsBehindAndTheEventTimeIsUnknown() {
        RollupLag lag = RollupLag.of(List.of(
                batch(0, 100, "2024-05-01T11:00:10Z", null),
                batch(1, 50, "2024-05-01T11:00:20Z", null))).orElseThrow();

        assertEquals(new RollupLag(1, Optional.empty(), 2, 150, Optional.empty(), 1), lag);
        assertTrue(lag.line().contains("not yet written"));
    }

    @Test
    void aReplayedBatchCountsOnce() {
        RollupLag lag = RollupLag.of(List.of(
                batch(0, 100, "2024-05-01T11:00:10Z", null),
                batch(1, 50, "2024-05-01T11:00:20Z", 0L),
                batch(1, 50, "2024-05-01T11:00:20Z", 0L))).orElseThrow();

        assertEquals(1, lag.batchesBehind());
        assertEquals(50, lag.rowsBehind());
    }

    @Test
    void noBatchNoLine() {
        assertTrue(RollupLag.of(List.of(idle(-1, null))).isEmpty());
    }
}

package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listening.contract.metrics.BatchMetrics;
import dev.listening.contract.metrics.MetricsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

class StreamerMetricsTest {
    static final List<BatchMetrics> BATCHES = List.of(
            batch(0, 50_000, 25_000, 3, 7, null),
            batch(1, 50_000, 10_000, 0, 1, null),
            batch(2, 25_000, 2_500, 1, 0, null));

    static BatchMetrics batch(long id, long rows, long durationMs, long deadLetters, long joinMisses, Long rolledUpThrough) {
        return new BatchMetrics("2024-05-01T12:00:00Z", "run", id, false, rows, rows - deadLetters, deadLetters, joinMisses,
                0, durationMs, rows * 1000.0 / durationMs, 0L, 0.0, rolledUpThrough, null, 0.0, 0, null, null, 0, 0);
    }

    private static BatchMetrics idle(long lastBatch, long rolledUpThrough) {
        return new BatchMetrics("2024-05-01T12:01:00Z", "run", lastBatch, true, 0, 0, 0, 0, 0, 0, 0, 0L, 0.0,
                rolledUpThrough, null, 0.0, 0, null, null, 0, 0);
    }

    @Test
    void sumsTheBatchesOfTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.jsonl");
        for (BatchMetrics batch : BATCHES) {
            MetricsFile.append(file, batch);
        }
        StreamerMetrics metrics = StreamerMetrics.read(file);

        assertTrue(metrics.started());
        assertEquals(3, metrics.batches().size());
        assertEquals(125_000, metrics.rows());
        assertEquals(4, metrics.deadLetters());
        assertEquals(8, metrics.joinMisses());
        assertEquals(1, metrics.runs());
    }

    @Test
    void theSteadyRateAlwaysLeavesTheFirstBatchOut() {
        StreamerMetrics metrics = StreamerMetrics.of(true, BATCHES);

        assertEquals(75_000 / 12.5, metrics.steadyRowsPerSecond(0), 1e-9);
        assertEquals(75_000 / 12.5, metrics.steadyRowsPerSecond(50_000), 1e-9);
    }

    @Test
    void theSteadyRateStartsAfterTheWarmUpRows() {
        StreamerMetrics metrics = StreamerMetrics.of(true, BATCHES);

        assertEquals(25_000 / 2.5, metrics.steadyRowsPerSecond(50_001), 1e-9);
        assertEquals(1, metrics.steady(100_000).size());
    }

    @Test
    void rowsAreRolledUpOnceTheRollupsCoverTheBatchThatBroughtThem() {
        List<BatchMetrics> records = new ArrayList<>(BATCHES);
        assertFalse(StreamerMetrics.of(true, records).rolledUp(1));
        records.add(idle(2, 0));

        assertTrue(StreamerMetrics.of(true, records).rolledUp(50_000));
        assertFalse(StreamerMetrics.of(true, records).rolledUp(50_001));
        assertEquals(3, StreamerMetrics.of(true, records).batches().size(), "an idle trigger is no batch");

        records.add(idle(2, 2));
        assertTrue(StreamerMetrics.of(true, records).rolledUp(125_000));
        assertFalse(StreamerMetrics.of(true, records).rolledUp(125_001));
    }

    private static BatchMetrics at(String time, long id, long rows, long stored, long durationMs, Long rolledUpThrough) {
        return new BatchMetrics(time, "run", id, false, rows, stored, rows - stored, 0, 0, durationMs, rows * 1000.0 / durationMs,
                0L, 0.0, rolledUpThrough, null, 0.0, 0, null, null, 0, 0);
    }

    private static BatchMetrics idleAt(String time, long lastBatch, Long rolledUpThrough) {
        return new BatchMetrics(time, "run", lastBatch, true, 0, 0, 0, 0, 0, 0, 0, 0L, 0.0, rolledUpThrough, null, 0.0, 0, null, null, 0, 0);
    }

    @Test
    void theCaughtUpRateCountsRowsStoredFromTheFirstSteadyStartUntilTheRollupsCoverTheLastBatch() {
        List<BatchMetrics> records = List.of(
                at("2024-05-01T12:00:10Z", 0, 1_000, 1_000, 5_000, null),
                at("2024-05-01T12:00:12Z", 1, 1_000, 900, 2_000, null),      // steady from here: started at :10
                at("2024-05-01T12:00:14Z", 2, 1_000, 1_000, 2_000, 0L),
                idleAt("2024-05-01T12:00:20Z", 2, 1L),
                idleAt("2024-05-01T12:00:30Z", 2, 2L),                         // covers the last batch: clock stops
                idleAt("2024-05-01T12:00:40Z", 2, 2L));
        StreamerMetrics metrics = StreamerMetrics.of(true, records);

        assertEquals(2_900, metrics.rowsStored());
        assertEquals(20.0, metrics.caughtUpSeconds(0).orElseThrow(), 1e-9);
        assertEquals(1_900 / 20.0, metrics.caughtUpRowsPerSecond(0).orElseThrow(), 1e-9);
        assertEquals(1_000 / 18.0, metrics.caughtUpRowsPerSecond(2_000).orElseThrow(), 1e-9,
                "after 2,000 warm-up rows only batch 2 is measured; it started at :12");
    }

    @Test
    void noCaughtUpRateWhileTheRollupsTrailTheLastBatch() {
        List<BatchMetrics> records = List.of(
                at("2024-05-01T12:00:10Z", 0, 1_000, 1_000, 5_000, null),
                at("2024-05-01T12:00:12Z", 1, 1_000, 1_000, 2_000, null),
                idleAt("2024-05-01T12:00:20Z", 1, 0L));

        assertTrue(StreamerMetrics.of(true, records).caughtUpRowsPerSecond(0).isEmpty());
        assertTrue(StreamerMetrics.of(true, records.subList(0, 1)).caughtUpRowsPerSecond(0).isEmpty(), "no steady batch");
    }

    @Test
    void aJobStillStartingHasNoBatches(@TempDir Path dir) {
        StreamerMetrics metrics = StreamerMetrics.read(dir.resolve("not-yet.jsonl"));

        assertFalse(metrics.started());
        assertEquals(0, metrics.rows());
        assertEquals(0, metrics.steadyRowsPerSecond(0));
    }

    private static BatchMetrics rollupRecord(String time, long rollupRows, long rollupMs) {
        return new BatchMetrics(time, "run", 3, true, 0, 0, 0, 0, 0, 0, 0, 0L, 0.0, 3L, 0L, 0.0, 0, null, null, rollupRows, rollupMs);
    }

    @Test
    void theRollupsAreIdleOnceNoRecordHasCarriedARollupBatchForTheQuietTime() {
        Duration quiet = Duration.ofSeconds(6);
        List<BatchMetrics> records = List.of(rollupRecord("2024-05-01T12:00:00Z", 10_000, 1_800),
                rollupRecord("2024-05-01T12:00:02Z", 0, 40), rollupRecord("2024-05-01T12:00:05Z", 0, 0));

        assertFalse(StreamerMetrics.of(true, List.of(rollupRecord("2024-05-01T12:00:09Z", 0, 0))).rollupsIdleFor(quiet),
                "no rollup batch yet");
        assertFalse(StreamerMetrics.of(true, records).rollupsIdleFor(quiet), "the no-data batch at :02 was 3 s ago");
        List<BatchMetrics> later = new ArrayList<>(records);
        later.add(rollupRecord("2024-05-01T12:00:08Z", 0, 0));
        assertTrue(StreamerMetrics.of(true, later).rollupsIdleFor(quiet));
    }
}

package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

class BatchLogTest {
    private static final List<String> LOG = List.of(
            "16:42:05 INFO  StreamerJob - 5936 songs loaded from /work/main/data/spotify-songs.csv",
            "16:42:06 INFO  StreamerJob - streaming t from k:1 into ks.listening_history every 1.0 s (checkpoint /ck)",
            "16:42:36 INFO  BatchProgressLogger - batch 0: 50,000 rows in 25.0 s (2,000 rows/s), 3 dead letters, 7 join misses, Kafka lag 100,000",
            "16:42:46 WARN  SomethingElse - batch 9: not a batch line",
            "16:42:56 INFO  BatchProgressLogger - batch 1: 50,000 rows in 10.0 s (5,000 rows/s), 0 dead letters, 1 join misses, Kafka lag 50,000",
            "16:43:01 INFO  BatchProgressLogger - batch 2: 25,000 rows in 2.5 s (10,000 rows/s), 1 dead letters, 0 join misses, Kafka lag unknown");

    @Test
    void sumsTheBatchLines() {
        BatchLog log = BatchLog.parse(LOG);

        assertTrue(log.started());
        assertEquals(3, log.batches().size());
        assertEquals(125_000, log.rows());
        assertEquals(4, log.deadLetters());
        assertEquals(8, log.joinMisses());
    }

    @Test
    void theSteadyRateAlwaysLeavesTheFirstBatchOut() {
        assertEquals(75_000 / 12.5, BatchLog.parse(LOG).steadyRowsPerSecond(0), 1e-9);
        assertEquals(75_000 / 12.5, BatchLog.parse(LOG).steadyRowsPerSecond(50_000), 1e-9);
    }

    @Test
    void theSteadyRateStartsAfterTheWarmUpRows() {
        assertEquals(25_000 / 2.5, BatchLog.parse(LOG).steadyRowsPerSecond(50_001), 1e-9);
        assertEquals(1, BatchLog.parse(LOG).steady(100_000).size());
    }

    @Test
    void rowsAreRolledUpOnceTheRollupsCoverTheBatchThatBroughtThem() {
        List<String> lines = new ArrayList<>(LOG);
        assertFalse(BatchLog.parse(lines).rolledUp(1));
        lines.add("16:43:02 INFO  RollupWriter - rollups of batch 0: 50 listener-hours (70 plays read), 1 date/hours, 2 songs in them and 3 listener-days, 9 rows written, in 5 ms");

        assertTrue(BatchLog.parse(lines).rolledUp(50_000));
        assertFalse(BatchLog.parse(lines).rolledUp(50_001));

        lines.add("16:43:12 INFO  RollupWriter - rollups of batches 1-2: 50 listener-hours (70 plays read), 1 date/hours, 2 songs in them and 3 listener-days, 9 rows written, in 5 ms");
        assertTrue(BatchLog.parse(lines).rolledUp(125_000));
        assertFalse(BatchLog.parse(lines).rolledUp(125_001));
    }

    @Test
    void aJobStillStartingHasNoBatches() {
        BatchLog log = BatchLog.parse(LOG.subList(0, 1));

        assertFalse(log.started());
        assertEquals(0, log.rows());
        assertEquals(0, log.steadyRowsPerSecond(0));
    }
}

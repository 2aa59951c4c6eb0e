package dev.listening.dashboard.live;

import dev.listening.contract.metrics.BatchMetrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StreamerTotalsTest {
    private static BatchMetrics record(String time, boolean idle, long stored, long dead, long misses, String newest) {
        return new BatchMetrics(time, "run", 3, idle, stored + dead, stored, dead, misses, 0, 500, 1.0, 0L, 0.0, 2L, null, 0.0, 0,
                newest, 0.0, 0, 0);
    }

    @Test
    void sumsTheBatchesAndKeepsTheLastRecordIdleTriggersIncluded() {
        BatchMetrics first = record("2025-03-14T20:00:00Z", false, 100, 2, 5, "2025-03-14T19:59:59Z");
        BatchMetrics idle = record("2025-03-14T20:00:10Z", true, 0, 0, 0, "2025-03-14T19:59:59Z");
        StreamerTotals totals = StreamerTotals.NONE.plus(List.of(first)).plus(List.of(idle));
        assertEquals(new StreamerTotals(1, 100, 2, 5, idle), totals);
    }

    @Test
    void freshnessAndSilenceAreCountedFromNow() {
        StreamerTotals totals = StreamerTotals.NONE.plus(List.of(
                record("2025-03-14T20:00:00Z", false, 1, 0, 0, "2025-03-14T19:59:58.500Z")));
        Instant now = Instant.parse("2025-03-14T20:00:04Z");
        assertEquals(5.5, totals.freshnessSeconds(now));
        assertEquals(Duration.ofSeconds(4), totals.silence(now));
    }

    @Test
    void nothingToSayBeforeTheFirstRecord() {
        assertNull(StreamerTotals.NONE.freshnessSeconds(Instant.now()));
        assertNull(StreamerTotals.NONE.silence(Instant.now()));
    }
}

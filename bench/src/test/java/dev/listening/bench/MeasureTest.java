package dev.listening.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class MeasureTest {
    @Test
    void aThroughputIsJudgedByItsRatioToTheReference() {
        Measure met = Measure.ratio("producer", 72_000, 70_000, "events/s", 1.0);
        Measure missed = Measure.ratio("streamer", 6_000, 10_000, "rows/s", 0.7);

        assertEquals(Measure.Verdict.PASS, met.verdict());
        assertEquals(Measure.Verdict.FAIL, missed.verdict());
        assertEquals("| producer | 72,000 events/s | 70,000 events/s | 1.03 | ratio >= 1.0 | pass |", met.row());
        assertEquals("| streamer | 6,000 rows/s | 10,000 rows/s | 0.60 | ratio >= 0.7 | FAIL |", missed.row());
    }

    @Test
    void aTimeIsJudgedByItselfWithTheReferenceOnlyShown() {
        Measure query = Measure.atMost("songs p99", 12.5, 0.84, "ms", 50);
        Measure slow = Measure.atMost("e2e p99", 1_501, null, "ms", 1_500);

        assertEquals("| songs p99 | 12.5 ms | 0.84 ms | 14.88 | <= 50.0 ms | pass |", query.row());
        assertEquals("| e2e p99 | 1,501 ms |  |  | <= 1,500 ms | FAIL |", slow.row());
        assertEquals(Measure.Verdict.FAIL, slow.verdict());
    }

    @Test
    void aComparedFigureShowsItsRatioButHasNoVerdict() {
        Measure compared = Measure.compared("streamer vs batches", 6_000, 12_000, "rows/s");

        assertEquals(Measure.Verdict.NO_TARGET, compared.verdict());
        assertEquals("| streamer vs batches | 6,000 rows/s | 12,000 rows/s | 0.50 |  |  |", compared.row());
    }

    @Test
    void anUnjudgedFigureAndAFailedBenchmarkHaveNoVerdictOfPassOrFail() {
        Measure shown = Measure.shown("kafka ready", 3.2, "s");
        Measure failed = Measure.failed("demo start-up", "port 9092 | in use");

        assertEquals(Measure.Verdict.NO_TARGET, shown.verdict());
        assertEquals("| kafka ready | 3.20 s |  |  |  |  |", shown.row());
        assertEquals(Measure.Verdict.ERROR, failed.verdict());
        assertNull(failed.ratio());
        assertEquals("| demo start-up | failed: port 9092 \\| in use | | | | error |", failed.row());
    }
}

package dev.listening.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

class QualityTest {
    private static final Instant T = Instant.parse("2025-03-14T20:00:00Z");
    private static final Quality.Thresholds LIMITS = new Quality.Thresholds(0.25, 0.0,
            Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-12-31T00:00:00Z"), 0.0, 0, 0);
    private static final Quality.RollupHour HOUR = new Quality.RollupHour(LocalDate.parse("2025-03-14"), 20);

    @Test
    void aPlayStartingBeforeThePreviousSongEndedOverlaps() {
        Map<String, Long> overlapping = Quality.overlappingPlays(List.of(
                new StoredPlay("Ada", T, 180_000L),
                new StoredPlay("Ada", T.plusSeconds(179), 60_000L),        // 1 s before the first ends
                new StoredPlay("Ada", T.plusSeconds(240), 60_000L),        // the second ended at 239 s
                new StoredPlay("Liam O'Connor", T, 60_000L),
                new StoredPlay("Liam O'Connor", T.plusSeconds(60), null),  // exactly at the end: no overlap
                new StoredPlay("Liam O'Connor", T.plusSeconds(61), null))); // the unknown song has no end

        assertEquals(Map.of("Ada", 1L), overlapping);
    }

    @Test
    void aLongSongCoversTheShortOnesInsideIt() {
        assertEquals(Map.of("Ada", 2L), Quality.overlappingPlays(List.of(
                new StoredPlay("Ada", T, 600_000L),
                new StoredPlay("Ada", T.plusSeconds(10), 5_000L),
                new StoredPlay("Ada", T.plusSeconds(100), 5_000L))));
    }

    @Test
    void everyCheckPassesWithinItsLimitAndFailsBeyondIt() {
        Reconciliation.Report report = verdict(4, 4, 0, 1);
        List<StoredPlay> plays = List.of(new StoredPlay("Ada", T, 1_000L), new StoredPlay("Ada", T.plusSeconds(5), 1_000L));
        Quality.HourComparison same = new Quality.HourComparison(HOUR, 2, 1, 2, 2, 1);

        List<Quality.Check> checks = Quality.evaluate(report, plays, List.of(same), LIMITS);

        assertEquals(List.of("join misses", "dead letters", "ts outside window", "overlapping plays", "rollups = history"),
                checks.stream().map(Quality.Check::name).toList());
        assertTrue(checks.stream().allMatch(Quality.Check::passed), checks.toString());
        assertEquals("1 of 4 rows (25.00 %)", checks.get(0).measure());
    }

    @Test
    void crossedThresholdsAreEachReported() {
        Reconciliation.Report report = verdict(10, 8, 2, 3);
        List<StoredPlay> plays = List.of(new StoredPlay("Ada", Instant.parse("2100-01-01T00:00:00Z"), 1_000L),
                new StoredPlay("Ada", T, 600_000L), new StoredPlay("Ada", T.plusSeconds(1), 1_000L));
        Quality.HourComparison inflated = new Quality.HourComparison(HOUR, 4, 1, 4, 2, 1);

        List<Quality.Check> checks = Quality.evaluate(report, plays, List.of(inflated), LIMITS);

        assertTrue(checks.stream().noneMatch(Quality.Check::passed), checks.toString());
        assertEquals(List.of("2025-03-14 20h: rollup plays 4 (songs 4), listeners 1; listening_history plays 2, listeners 1"),
                Quality.mismatches(List.of(inflated)));
    }

    @Test
    void songRowsThatDoNotAddUpToThePlaysAreAMismatch() {
        assertFalse(new Quality.HourComparison(HOUR, 2, 1, 3, 2, 1).matches());
    }

    @Test
    void theSampleSpreadsOverTheHoursFirstAndLastIncluded() {
        List<Quality.RollupHour> hours = IntStream.range(0, 24).mapToObj(h -> new Quality.RollupHour(HOUR.date(), h)).toList();

        assertEquals(List.of(0, 8, 15, 23), Quality.sample(hours, 4).stream().map(Quality.RollupHour::hour).toList());
        assertEquals(24, Quality.sample(hours, 30).size());
    }

    private static Reconciliation.Report verdict(long records, long stored, long deadLetters, long joinMisses) {
        return new Reconciliation.Report(new Reconciliation.Coverage("the whole topic", 1, true, "1 partition"), records, stored,
                stored, deadLetters, joinMisses, 0, 0, 0, List.of(), List.of(), List.of(), List.of(), List.of());
    }
}

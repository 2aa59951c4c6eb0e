package dev.listening.bench;

import dev.listening.verify.Reconciliation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoakReportTest {
    private static final SoakReport.Load LOAD = new SoakReport.Load("127.0.0.1:9092", "127.0.0.1:9042", "listening-events",
            "spotify", 200, Duration.ofMinutes(1), 50, "local[*]");
    private static final List<SoakReport.Sample> SAMPLES = List.of(
            sample(10, 2_000, 1_900),
            sample(20, 4_000, 3_600),
            sample(30, 6_000, 5_900),
            sample(61, 12_000, 12_000));
    private static final Reconciliation.Report ALL_STORED = verdict(12_090, 10, List.of());

    @Test
    void theLagIsWhatWasProducedAndNotYetStreamed() {
        assertEquals(List.of(100L, 400L, 100L, 0L), SAMPLES.stream().map(SoakReport.Sample::lag).toList());
        assertEquals(400, report(ALL_STORED, null).maxLag());
    }

    @Test
    void itPassesOnlyWhenTheStreamCaughtUpAndVerifyFoundEveryRecordOnce() {
        assertTrue(report(ALL_STORED, null).passed());
        assertFalse(report(ALL_STORED, "no 12000 records streamed within 300 s").passed());
        assertFalse(report(verdict(12_099, 0, List.of("0@17")), null).passed());
    }

    @Test
    void theReportHasTheLoadTheTimelineAndTheVerdict() {
        List<String> lines = report(ALL_STORED, null).lines();

        assertTrue(lines.contains("- load: 200 events/s for 1m from 50 listeners into topic listening-events; keyspace spotify"), lines.toString());
        assertTrue(lines.contains("- warm-up: 100 events through the pipeline in 40.0 s before the clock started"), lines.toString());
        assertTrue(lines.contains("| 20 s | 4,000 | 3,600 | 400 |"), lines.toString());
        assertTrue(lines.contains("- lag: at most 400 records (2.0 s of load)"), lines.toString());
        assertTrue(lines.contains("- caught up 2.5 s after the producer stopped"), lines.toString());
        assertTrue(lines.contains("- verify (the warm-up included): 12,100 records, 12,090 stored as rows (3 join misses), 10 dead letters, "
                + "0 missing, 0 doubled, 0 dead-lettered events, 0 differing rows, 0 unexpected rows; "
                + "12,090 rows read in all 60 partitions of the 50 listeners seen"), lines.toString());
        assertEquals("verdict: every record stored exactly once, as sent", lines.get(lines.size() - 1));
        assertEquals("verdict: NOT exactly once as sent", report(ALL_STORED, "the streamer exited with code 1").lines().get(lines.size() - 1));
    }

    @Test
    void aNewCheckpointStartsAtTheOffsetsTakenBeforeTheSoak() {
        assertEquals("{\"listening-events\":{\"0\":42,\"1\":7}}", Soak.startingOffsets("listening-events", Map.of(1, 7L, 0, 42L)));
    }

    private static SoakReport report(Reconciliation.Report verdict, String problem) {
        return new SoakReport(LOAD, Instant.parse("2026-11-23T17:00:00Z"), Duration.ofSeconds(40), SAMPLES, Duration.ofMillis(2_500),
                verdict, problem);
    }

    private static Reconciliation.Report verdict(long stored, long deadLetters, List<String> missing) {
        return new Reconciliation.Report(new Reconciliation.Coverage("offsets from {0=0} to {0=12100} (exclusive)", 60, true,
                "all 60 partitions of the 50 listeners seen"), 12_100, stored, stored, deadLetters, 3, 0, 0, 0,
                missing, List.of(), List.of(), List.of(), List.of());
    }

    private static SoakReport.Sample sample(int seconds, long produced, long streamed) {
        return new SoakReport.Sample(Duration.ofSeconds(seconds), produced, streamed);
    }
}

package dev.listening.producer.run;

import dev.listening.producer.rate.Speed;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TimelineTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T19:42:17.345Z"), ZoneOffset.UTC);
    private static final Instant START = Instant.parse("2024-03-03T00:00:00Z");

    @Test
    void theDefaultUniformRunIsLiveAndFollowsTheRate() {
        assertEquals(new Timeline(null, null, null), Timeline.of(true, null, null, null, NOW));
    }

    @Test
    void aBackfillWithoutStartEndsAtThisMinuteAndRunsAsFastAsPossible() {
        Timeline week = Timeline.of(true, null, Duration.ofDays(7), null, NOW);
        assertEquals(Instant.parse("2026-11-16T19:42:00Z"), week.start());
        assertEquals(Instant.parse("2026-11-23T19:42:00Z"), week.end());
        assertEquals(Speed.MAX, week.speed());
    }

    @Test
    void aBackfillFromStartCoversExactlyThePeriodAtTheSpeedAsked() {
        Timeline day = Timeline.of(false, START, Duration.ofDays(1), new Speed(3600), NOW);
        assertEquals(new Timeline(START, Instant.parse("2024-03-04T00:00:00Z"), new Speed(3600)), day);
    }

    @Test
    void aClockPacedScenarioRunsInRealTimeFromNowUnlessToldOtherwise() {
        assertEquals(new Timeline(NOW.instant(), null, Speed.REAL_TIME), Timeline.of(false, null, null, null, NOW));
        Timeline fast = Timeline.of(false, START, null, new Speed(3600), NOW);
        assertEquals(START, fast.start());
        assertNull(fast.end());
    }
}

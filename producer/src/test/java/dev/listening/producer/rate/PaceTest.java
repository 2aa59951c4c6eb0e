package dev.listening.producer.rate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaceTest {
    private static final long START_NANOS = 1_000_000_000L;
    private static final long T0 = 1_709_424_000_000L;

    @Test
    void aVirtualClockSendsAnEventWhenItsTimeComesAtTheSpeed() {
        Pace hourPerSecond = Pace.clock(T0, new Speed(3600), START_NANOS);
        assertEquals(START_NANOS, hourPerSecond.beforeMaking(7));
        assertEquals(START_NANOS, hourPerSecond.beforeSending(T0));
        // one virtual hour later: one real second later
        assertEquals(START_NANOS + 1_000_000_000L, hourPerSecond.beforeSending(T0 + 3_600_000));
        assertEquals(START_NANOS + 250_000_000L, Pace.clock(T0, Speed.REAL_TIME, START_NANOS).beforeSending(T0 + 250));
    }

    @Test
    void withoutAnAnchorTheFirstEventIsDueAtOnce() {
        Pace replay = Pace.clock(null, Speed.REAL_TIME, START_NANOS);
        assertEquals(START_NANOS, replay.beforeSending(T0 + 5_000));
        assertEquals(START_NANOS + 2_000_000_000L, replay.beforeSending(T0 + 7_000));
    }

    @Test
    void atMaxSpeedNothingWaits() {
        Pace max = Pace.clock(T0, Speed.MAX, START_NANOS);
        assertEquals(START_NANOS, max.beforeSending(T0 + 86_400_000L * 365));
    }

    @Test
    void aRatePaceIsTheFixedRateScheduleAndIgnoresEventTimes() {
        Pace twoPerSecond = Pace.rate(new Rate(2), START_NANOS);
        assertEquals(START_NANOS + 1_500_000_000L, twoPerSecond.beforeMaking(3));
        assertEquals(START_NANOS, twoPerSecond.beforeSending(T0 + 99_000));
    }
}

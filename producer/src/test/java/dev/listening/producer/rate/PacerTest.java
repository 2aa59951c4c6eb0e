package dev.listening.producer.rate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PacerTest {
    private static final long START = 1_000_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    @Test
    void deadlinesAreWholeMultiplesOfTheIntervalFromTheStart() {
        Pacer pacer = new Pacer(new Rate(2), START);
        assertEquals(START, pacer.deadline(0));
        assertEquals(START + SECOND / 2, pacer.deadline(1));
        assertEquals(START + 3600 * SECOND, pacer.deadline(7200));
    }

    @Test
    void aRateWithoutAnExactIntervalDoesNotDrift() {
        Pacer pacer = new Pacer(new Rate(3), START);
        assertEquals(START + 333_333_333, pacer.deadline(1));
        assertEquals(START + SECOND, pacer.deadline(3));
        assertEquals(START + 24 * 3600 * SECOND, pacer.deadline(3 * 24 * 3600));
    }

    @Test
    void aLateEventIsDueAtOnceAndDoesNotShiftTheNextOnes() {
        Pacer pacer = new Pacer(new Rate(10), START);
        long late = START + 350_000_000;   // event 1 was due at +100 ms, the sender is 250 ms late
        assertEquals(0, pacer.waitNanos(1, late));
        assertEquals(0, pacer.waitNanos(3, late));
        assertEquals(50_000_000, pacer.waitNanos(4, late));
        assertEquals(START + 500_000_000, pacer.deadline(5));
    }

    @Test
    void atMaxEveryEventIsDueImmediately() {
        Pacer pacer = new Pacer(Rate.MAX, START);
        assertEquals(START, pacer.deadline(1_000_000));
        assertEquals(0, pacer.waitNanos(1_000_000, START));
    }

    @Test
    void waitingIsTheTimeLeftUntilTheDeadline() {
        Pacer pacer = new Pacer(new Rate(1), START);
        assertEquals(SECOND, pacer.waitNanos(1, START));
        assertEquals(SECOND / 4, pacer.waitNanos(1, START + 3 * SECOND / 4));
    }
}

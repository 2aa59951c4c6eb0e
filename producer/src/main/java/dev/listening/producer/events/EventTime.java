package dev.listening.producer.events;

import dev.listening.producer.rate.Rate;

import java.time.Clock;
import java.time.Instant;

/** The {@code ts} of event i: the wall clock when it is made, or a simulated timeline from a start. */
@FunctionalInterface
public interface EventTime {
    /** UTC epoch milliseconds of event {@code index} (from 0). */
    long millis(long index);

    static EventTime wallClock(Clock clock) {
        return index -> clock.millis();
    }

    /** Event i at {@code start + i / rate}; 1 ms apart at {@link Rate#MAX}. */
    static EventTime from(Instant start, Rate rate) {
        long startMillis = start.toEpochMilli();
        double intervalMillis = rate.isMax() ? 1 : 1000 / rate.perSecond();
        return index -> startMillis + (long) Math.floor(index * intervalMillis);
    }
}

package dev.listening.producer.run;

import dev.listening.producer.rate.Rate;
import dev.listening.producer.rate.Speed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time a run generates: from {@code start} (null: the wall clock, live) to {@code end} (null:
 * no end), paced by a virtual clock at {@code speed}, or by the rate when speed is null.
 */
public record Timeline(Instant start, Instant end, Speed speed) {

    /**
     * @param ratePaced a scenario that follows --rate (uniform) rather than its own clock
     * @param start     --start, or null
     * @param backfill  --backfill, or null: a period ending now (to the minute) unless start is given
     * @param speed     --speed, or null: real time, or as fast as possible for a backfill
     */
    public static Timeline of(boolean ratePaced, Instant start, Duration backfill, Speed speed, Clock clock) {
        Instant from = start;
        Instant end = null;
        if (backfill != null) {
            if (from == null) {
                from = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(backfill);
            }
            end = from.plus(backfill);
        }
        Speed pace = speed != null ? speed : backfill != null ? Speed.MAX : null;
        if (!ratePaced) {
            from = from != null ? from : clock.instant().truncatedTo(ChronoUnit.MILLIS);
            pace = pace != null ? pace : Speed.REAL_TIME;
        }
        return new Timeline(from, end, pace);
    }

    /** For the log: what the run covers and how fast. */
    public String describe(Rate rate) {
        String period = start == null ? "live" : "from " + start + (end == null ? "" : " to " + end);
        String pace = speed == null ? "rate " + rate : speed.isMax() ? "as fast as possible" : "speed " + speed;
        return period + ", " + pace;
    }
}

package dev.listening.producer.habits;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When in the (local) day listening sessions start: a relative weight per hour, low at night,
 * rising with the commute, highest in the evening. Session starts are a Poisson process whose
 * rate in each local hour is the listener's sessions per day times that hour's share of the weights.
 */
public final class DailyRhythm {
    private static final double[] WEIGHTS = {
            0.40, 0.20, 0.10, 0.05, 0.05, 0.10, 0.40, 1.00, 1.20, 0.80, 0.70, 0.80,
            1.00, 0.90, 0.70, 0.70, 0.90, 1.30, 1.50, 1.60, 1.70, 1.50, 1.10, 0.70};
    private static final double TOTAL = Arrays.stream(WEIGHTS).sum();
    private static final double MILLIS_PER_HOUR = 3_600_000;

    private DailyRhythm() {
    }

    /** The share of a day's sessions that start in local hour {@code hour} (0-23); the shares sum to 1. */
    public static double share(int hour) {
        return WEIGHTS[hour] / TOTAL;
    }

    /**
     * The first session start after {@code fromMillis}: inverts the piecewise-constant intensity
     * hour by hour (an exponential amount of "hazard" is spent, each local hour spending its rate).
     */
    public static long nextStart(long fromMillis, double sessionsPerDay, ZoneId zone, SplittableRandom random) {
        double hazard = -Math.log(1 - random.nextDouble());
        ZonedDateTime at = Instant.ofEpochMilli(fromMillis).atZone(zone);
        long millis = fromMillis;
        while (true) {
            ZonedDateTime hourEnd = at.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            long endMillis = hourEnd.toInstant().toEpochMilli();
            double perMilli = sessionsPerDay * share(at.getHour()) / MILLIS_PER_HOUR;
            double available = perMilli * (endMillis - millis);
            if (hazard < available) {
                return millis + (long) (hazard / perMilli);
            }
            hazard -= available;
            millis = endMillis;
            at = hourEnd;
        }
    }
}

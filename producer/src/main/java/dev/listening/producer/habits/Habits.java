package dev.listening.producer.habits;

import dev.listening.producer.listeners.Listener;
import dev.listening.producer.listeners.Market;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * How one listener listens: taste (preferred danceability and energy), how often they skip, how
 * long their sessions run, how many sessions a day, and their time zone. Drawn from the listener's
 * user_id alone, so a listener has the same habits in every run and in {@code ./pipeline users}.
 *
 * @param danceability     preferred danceability, 0-1
 * @param energy           preferred energy, 0-1
 * @param skipRate         probability that a play is skipped
 * @param sessionPlays     mean plays per session
 * @param sessionsPerDay   mean sessions started per day
 */
public record Habits(double danceability, double energy, double skipRate, double sessionPlays,
                     double sessionsPerDay, ZoneId zone) {
    /** Skip rates are drawn uniformly from 0.10-0.40: this is their mean. */
    public static final double MEAN_SKIP_RATE = 0.25;
    private static final double SKIP_RATE_SPREAD = 0.15;
    /** Mean plays per session are drawn uniformly from 6-18: this is their mean. */
    public static final double MEAN_SESSION_PLAYS = 12;
    private static final double SESSION_PLAYS_SPREAD = 6;
    private static final double MIN_SESSIONS_PER_DAY = 1;
    private static final double MAX_SESSIONS_PER_DAY = 4;
    private static final double TASTE_MEAN = 0.6;
    private static final double TASTE_SPREAD = 0.18;

    public static Habits of(Listener listener) {
        // SplittableRandom mixes its seed, so the id's 32-bit hash is enough to tell listeners apart
        SplittableRandom random = new SplittableRandom(listener.userId().hashCode());
        return new Habits(
                preference(random),
                preference(random),
                MEAN_SKIP_RATE + (random.nextDouble() * 2 - 1) * SKIP_RATE_SPREAD,
                MEAN_SESSION_PLAYS + (random.nextDouble() * 2 - 1) * SESSION_PLAYS_SPREAD,
                random.nextDouble(MIN_SESSIONS_PER_DAY, MAX_SESSIONS_PER_DAY),
                Market.of(listener.country()).map(Market::zone).orElse(ZoneOffset.UTC));
    }

    /** Preferences cluster around typical pop values, some listeners far from them. */
    private static double preference(SplittableRandom random) {
        double gaussian = gaussian(random);
        return Math.min(0.95, Math.max(0.05, TASTE_MEAN + gaussian * TASTE_SPREAD));
    }

    /** A standard normal draw (Box-Muller): SplittableRandom has no nextGaussian on Java 17. */
    static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}

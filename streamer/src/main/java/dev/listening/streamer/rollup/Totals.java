package dev.listening.streamer.rollup;

import dev.listening.contract.RollupColumn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Sums over a set of plays: the counts, the songs' durations and the averaged features of the plays
 * that have them. Sums rather than averages, so that the totals of parts add up to those of the whole.
 *
 * @param durationMs  the durations of the plays whose song is known
 * @param featureSums one sum per {@link RollupColumn#AVERAGED} feature, in that order
 */
public record Totals(long plays, long playsWithFeatures, long durationMs, List<Double> featureSums) {
    private static final double MILLIS_PER_MINUTE = Duration.ofMinutes(1).toMillis();
    public static final Totals NONE = new Totals(0, 0, 0, Collections.nCopies(RollupColumn.AVERAGED.size(), 0.0));

    public static Totals of(Play play) {
        return play.hasFeatures()
                ? new Totals(1, 1, play.durationMs(), play.features())
                : new Totals(1, 0, 0, NONE.featureSums);
    }

    public static Totals sum(Collection<Totals> parts) {
        return parts.stream().reduce(NONE, Totals::plus);
    }

    public Totals plus(Totals other) {
        List<Double> sums = new ArrayList<>(featureSums.size());
        for (int i = 0; i < featureSums.size(); i++) {
            sums.add(featureSums.get(i) + other.featureSums.get(i));
        }
        return new Totals(plays + other.plays, playsWithFeatures + other.playsWithFeatures,
                durationMs + other.durationMs, Collections.unmodifiableList(sums));
    }

    /** One average per {@link RollupColumn#AVERAGED} feature, or nulls when no play had features. */
    public List<Double> averages() {
        return featureSums.stream().map(sum -> playsWithFeatures == 0 ? null : sum / playsWithFeatures).toList();
    }

    public double minutes() {
        return durationMs / MILLIS_PER_MINUTE;
    }
}

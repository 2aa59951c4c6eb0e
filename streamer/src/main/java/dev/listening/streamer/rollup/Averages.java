package dev.listening.streamer.rollup;

import dev.listening.contract.RollupColumn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Running sums of the averaged features over the plays that have them. */
final class Averages {
    private final double[] sums = new double[RollupColumn.AVERAGED.size()];
    private long count;

    void add(Play play) {
        if (play.hasFeatures()) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += play.features().get(i);
            }
            count++;
        }
    }

    long count() {
        return count;
    }

    /** One value per averaged feature, or nulls when no play had features. */
    List<Double> values() {
        List<Double> values = new ArrayList<>(sums.length);
        for (double sum : sums) {
            values.add(count == 0 ? null : sum / count);
        }
        return Collections.unmodifiableList(values);
    }
}

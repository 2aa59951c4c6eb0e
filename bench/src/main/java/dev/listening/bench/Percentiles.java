package dev.listening.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of measurements. */
record Percentiles(long[] sorted) {
    static Percentiles of(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted);
    }

    /** The smallest value that at least {@code percent} % of the measurements do not exceed. */
    long at(double percent) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no measurements");
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    int count() {
        return sorted.length;
    }
}

package dev.listening.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;

/** Nearest-rank percentiles of a set of measurements, kept in an HdrHistogram. */
record Percentiles(Histogram histogram) {
    /** Values below 2,048 are kept exactly, larger ones within 0.1 %: finer than any latency here varies. */
    static final int SIGNIFICANT_DIGITS = 3;

    /** One value measured (to the histogram's precision) and how many measurements had it. */
    record Count(long value, long count) {
    }

    static Percentiles of(long[] values) {
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        for (long value : values) {
            histogram.recordValue(value);
        }
        return new Percentiles(histogram);
    }

    /** The smallest value that at least {@code percent} % of the measurements do not exceed. */
    long at(double percent) {
        if (count() == 0) {
            throw new IllegalStateException("no measurements");
        }
        return histogram.getValueAtPercentile(percent);
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** Each value measured with its count, smallest first. */
    List<Count> counts() {
        List<Count> counts = new ArrayList<>();
        for (HistogramIterationValue value : histogram.recordedValues()) {
            counts.add(new Count(value.getValueIteratedTo(), value.getCountAtValueIteratedTo()));
        }
        return counts;
    }
}

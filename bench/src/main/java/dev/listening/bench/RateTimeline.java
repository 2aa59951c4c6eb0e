package dev.listening.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A topic's log-end offset sampled while a producer writes into it: records per second over time,
 * seen from outside the producer, so ours and the reference are watched the same way.
 */
record RateTimeline(List<Sample> samples) {
    /** {@code seconds} since the producer's JVM was started, {@code records} in the topic then. */
    record Sample(double seconds, long records) {
    }

    /** A point per interval between samples, from the first record to the last: (seconds since the first, records/s). */
    record Point(double seconds, double perSecond) {
    }

    RateTimeline {
        samples = List.copyOf(samples);
    }

    List<Point> rates() {
        List<Point> points = new ArrayList<>();
        Double first = null;
        int last = samples.size() - 1;
        while (last > 0 && samples.get(last).records() == samples.get(last - 1).records()) {
            last--;
        }
        for (int i = 1; i <= last; i++) {
            Sample previous = samples.get(i - 1);
            Sample sample = samples.get(i);
            long written = sample.records() - previous.records();
            if (first == null && written == 0) {
                continue;
            }
            if (first == null) {
                first = previous.seconds();
            }
            points.add(new Point(sample.seconds() - first, written / (sample.seconds() - previous.seconds())));
        }
        return points;
    }
}

package dev.listening.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateTimelineTest {
    @Test
    void ratesRunFromTheFirstRecordToTheLastAndAreRecordsPerSecondOfEachInterval() {
        RateTimeline timeline = new RateTimeline(List.of(
                new RateTimeline.Sample(0.5, 0),
                new RateTimeline.Sample(1.0, 0),
                new RateTimeline.Sample(1.5, 1_000),
                new RateTimeline.Sample(2.0, 4_000),
                new RateTimeline.Sample(3.0, 4_000),
                new RateTimeline.Sample(3.5, 5_000),
                new RateTimeline.Sample(3.7, 5_000)));

        List<RateTimeline.Point> rates = timeline.rates();

        assertEquals(List.of(new RateTimeline.Point(0.5, 2_000), new RateTimeline.Point(1.0, 6_000),
                new RateTimeline.Point(2.0, 0), new RateTimeline.Point(2.5, 2_000)), rates);
    }

    @Test
    void aTopicThatNeverGrewHasNoRates() {
        assertTrue(new RateTimeline(List.of(new RateTimeline.Sample(0.2, 0), new RateTimeline.Sample(0.4, 0))).rates().isEmpty());
        assertTrue(new RateTimeline(List.of()).rates().isEmpty());
    }
}

package dev.listening.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProducerThroughputTest {
    /** Printed by kafka-tools 4.3.1's ProducerPerformance on this project's broker. */
    private static final List<String> REFERENCE_OUTPUT = List.of(
            "Reading payloads from: /tmp/producer-bench123/payload.jsonl",
            "Number of messages read: 10000",
            "150431 records sent, 30086.2 records/sec (9.26 MB/sec), 12.3 ms avg latency, 401.0 ms max latency.",
            "200000 records sent, 29994.001200 records/sec (9.24 MB/sec), 14.87 ms avg latency, 658.00 ms max latency, "
                    + "16 ms 50th, 28 ms 95th, 34 ms 99th, 43 ms 99.9th.");

    @Test
    void theReferenceRateIsTheSummaryNotAProgressWindow() {
        assertEquals(Optional.of(new ProducerThroughput.ReferenceSummary(200_000, 29994.0012)),
                ProducerThroughput.ReferenceSummary.find(REFERENCE_OUTPUT));
    }

    @Test
    void outputWithoutASummaryHasNoRate() {
        assertEquals(Optional.empty(), ProducerThroughput.ReferenceSummary.find(REFERENCE_OUTPUT.subList(0, 3)));
    }

    private static final RateTimeline NOT_WATCHED = new RateTimeline(List.of());

    @Test
    void theRatioIsTheMedianRoundsNotBestAgainstBest() {
        ProducerThroughput.Result result = new ProducerThroughput.Result(List.of(
                new ProducerThroughput.Round(60_000, 80_000, NOT_WATCHED, NOT_WATCHED),
                new ProducerThroughput.Round(90_000, 70_000, NOT_WATCHED, NOT_WATCHED),
                new ProducerThroughput.Round(70_000, 70_000, NOT_WATCHED, NOT_WATCHED)), 200_000, 320);
        assertEquals(70_000, result.medianRound().ours());
        assertEquals(1.0, result.ratio(), 1e-12);
    }

    @Test
    void withAnEvenNumberOfRoundsTheLowerMiddleRoundCounts() {
        ProducerThroughput.Result result = new ProducerThroughput.Result(List.of(
                new ProducerThroughput.Round(60_000, 80_000, NOT_WATCHED, NOT_WATCHED),
                new ProducerThroughput.Round(90_000, 70_000, NOT_WATCHED, NOT_WATCHED)), 200_000, 320);
        assertEquals(0.75, result.ratio(), 1e-12);
    }
}

package dev.listening.producer.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

class ProgressTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<String> lines = new ArrayList<>();

    private void advanceSeconds(long seconds) {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void withoutATerminalAPlainLineComesAtMostEveryTenSecondsAndOneAtTheEnd() {
        try (Progress progress = Progress.lines("reading the topic", 5_000, "records", lines::add, clock::get)) {
            advanceSeconds(4);
            progress.stepTo(1_000);
            assertEquals(List.of(), lines, "no line before ten seconds");
            advanceSeconds(6);
            progress.stepTo(1_200);
            advanceSeconds(9);
            progress.stepTo(3_000);
            advanceSeconds(1);
            progress.stepTo(3_500);
            advanceSeconds(2);
            progress.stepTo(5_000);
        }
        assertEquals(List.of(
                "reading the topic: 1,200 of 5,000 records (24 %) in 10 s",
                "reading the topic: 3,500 of 5,000 records (70 %) in 20 s",
                "reading the topic: 5,000 of 5,000 records (100 %) in 22 s"), lines);
    }

    @Test
    void shortWorkPrintsNothing() {
        try (Progress progress = Progress.lines("producing", 100, "events", lines::add, clock::get)) {
            advanceSeconds(3);
            progress.stepTo(100);
        }
        assertEquals(List.of(), lines);
    }

    @Test
    void aLimitCountsEventsSentABackfillTheMinutesOfEventTimeCovered() {
        assertEquals(250, ProducerRun.Goal.events(1_000).done(250, 0));

        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        ProducerRun.Goal backfill = ProducerRun.Goal.eventTime(start, start.plus(Duration.ofDays(7)));
        assertEquals(7 * 24 * 60, backfill.total());
        assertEquals(90, backfill.done(12_345, start.plus(Duration.ofMinutes(90)).plusSeconds(59).toEpochMilli()));
        assertEquals(0, backfill.done(1, start.minusSeconds(5).toEpochMilli()), "an event before the start");
    }

    @Test
    void nothingToDoIsDone() {
        try (Progress progress = Progress.lines("reading the topic", 0, "records", lines::add, clock::get)) {
            advanceSeconds(10);
            progress.stepTo(0);
        }
        assertEquals("reading the topic: 0 of 0 records (100 %) in 10 s", lines.get(0));
    }
}

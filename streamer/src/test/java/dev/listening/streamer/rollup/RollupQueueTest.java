package dev.listening.streamer.rollup;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** The queue's hand-over, merging, recovery and back-pressure, with the rollups and the pending rows in memory. */
class RollupQueueTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration LONG_LEAD = Duration.ofMinutes(1);
    private static final ListenerSong A = played("Ada", 20, "Flowers");
    private static final ListenerSong B = played("Liam", 20, "Flowers");
    private static final ListenerSong C = played("Ada", 21, "Cruel Summer");

    private final InMemoryPending pending = new InMemoryPending();
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private RollupQueue queue;

    private record Run(String batches, Set<ListenerSong> touched) {
    }

    @AfterEach
    void close() {
        release.countDown();
        queue.close();
    }

    @Test
    void aBatchIsSavedBeforeSubmitReturnsThenRolledUpAndCleared() throws InterruptedException {
        queue = queue(Duration.ZERO, LONG_LEAD, true);
        queue.start();

        queue.submit(1, Set.of(A, B));

        assertEquals(Set.of(1L), pending.ids());
        release.countDown();
        await().atMost(DEADLINE).until(() -> pending.ids().isEmpty());
        assertEquals(List.of(new Run("batch 1", Set.of(A, B))), runs);
    }

    @Test
    void batchesHandedOverDuringARunAreRolledUpTogetherInTheNext() throws InterruptedException {
        queue = queue(Duration.ZERO, LONG_LEAD, true);
        queue.start();
        queue.submit(1, Set.of(A));
        await().atMost(DEADLINE).until(() -> runs.size() == 1);

        queue.submit(2, Set.of(A, B));
        queue.submit(3, Set.of(C));
        release.countDown();

        await().atMost(DEADLINE).until(() -> runs.size() == 2 && pending.ids().isEmpty());
        assertEquals(new Run("batches 2-3", Set.of(A, B, C)), runs.get(1));
    }

    @Test
    void whatAnEarlierRunLeftIsRolledUpOnStart() throws InterruptedException {
        pending.save(4, Set.of(A));
        pending.save(5, Set.of(C));
        queue = queue(Duration.ZERO, LONG_LEAD, false);

        queue.start();

        await().atMost(DEADLINE).until(() -> pending.ids().isEmpty());
        assertEquals(List.of(new Run("batches 4-5", Set.of(A, C))), runs);
    }

    @Test
    void aBatchWaitsWhileTheWorkerIsBehindAndGoesOnOnceItTakesTheQueue() throws InterruptedException {
        queue = queue(Duration.ZERO, Duration.ZERO, true);
        queue.start();
        queue.submit(1, Set.of(A));
        await().atMost(DEADLINE).until(() -> runs.size() == 1);

        Thread second = new Thread(() -> {
            try {
                queue.submit(2, Set.of(B));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        await().atMost(DEADLINE).until(() -> second.getState() == Thread.State.WAITING);
        assertEquals(Set.of(1L, 2L), pending.ids(), "saved before it waits");

        release.countDown();
        second.join(DEADLINE.toMillis());
        assertEquals(Thread.State.TERMINATED, second.getState());
        await().atMost(DEADLINE).until(() -> pending.ids().isEmpty());
        assertEquals(new Run("batch 2", Set.of(B)), runs.get(1));
    }

    @Test
    void aFailedRunStopsTheNextBatchAndKeepsItsBatchesPending() throws InterruptedException {
        queue = new RollupQueue((batches, touched) -> {
            throw new IllegalArgumentException("no such table");
        }, pending, (what, step) -> step.run(), Duration.ZERO, LONG_LEAD);
        queue.start();
        queue.submit(1, Set.of(A));

        await().atMost(DEADLINE).untilAsserted(() -> {
            IllegalStateException failed = assertThrows(IllegalStateException.class, () -> queue.submit(2, Set.of(B)));
            assertTrue(failed.getMessage().contains("no such table"), failed.getMessage());
        });
        assertTrue(pending.ids().contains(1L));
    }

    @Test
    void theLagGrowsWhileABatchWaitsOrIsRolledUpAndEndsWithItsRollup() throws InterruptedException {
        queue = queue(Duration.ZERO, LONG_LEAD, true);
        queue.start();
        assertEquals(Duration.ZERO, queue.lag());
        assertEquals(-1, queue.rolledUpThrough());

        queue.submit(1, Set.of(A));
        await().atMost(DEADLINE).until(() -> runs.size() == 1);
        Duration during = queue.lag();
        await().atMost(DEADLINE).until(() -> queue.lag().compareTo(during) > 0);
        assertEquals(-1, queue.rolledUpThrough(), "batch 1 is still being rolled up");

        release.countDown();
        await().atMost(DEADLINE).until(() -> queue.rolledUpThrough() == 1);
        assertEquals(Duration.ZERO, queue.lag());
    }

    @Test
    void aBatchThatTouchedNothingSavesNothing() throws InterruptedException {
        queue = queue(Duration.ZERO, LONG_LEAD, false);
        queue.start();

        queue.submit(1, Set.of());

        assertTrue(pending.ids().isEmpty());
    }

    /** With {@code holdFirst}, the first run waits for {@link #release}: what is submitted meanwhile queues up. */
    private RollupQueue queue(Duration interval, Duration maxLead, boolean holdFirst) {
        return new RollupQueue((batches, touched) -> {
            runs.add(new Run(batches, Set.copyOf(touched)));
            if (holdFirst && runs.size() == 1) {
                release.await();
            }
        }, pending, (what, step) -> step.run(), interval, maxLead);
    }

    private static ListenerSong played(String name, int hour, String song) {
        return new ListenerSong(new ListenerHour(name, LocalDate.parse("2025-03-14"), hour), new Song(song, "Someone"));
    }

    private static final class InMemoryPending implements RollupQueue.Pending {
        private final SortedMap<Long, Set<ListenerSong>> rows = new TreeMap<>();

        @Override
        public synchronized void save(long batchId, Set<ListenerSong> touched) {
            rows.put(batchId, Set.copyOf(touched));
        }

        @Override
        public synchronized SortedMap<Long, Set<ListenerSong>> load() {
            return new TreeMap<>(rows);
        }

        @Override
        public synchronized void deleteThrough(long batchId) {
            rows.headMap(batchId + 1).clear();
        }

        synchronized Set<Long> ids() {
            return Set.copyOf(rows.keySet());
        }
    }
}

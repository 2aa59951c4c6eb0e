package dev.listening.streamer.rollup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs the rollups apart from the micro-batches, so that a batch's rows are readable as soon as
 * they are written: a batch hands over what it touched ({@link #submit}) and goes on; one worker
 * thread rolls up, at most once per interval, everything handed over since its last run, in one
 * go (listener-hours, hours and days that several batches touched are recomputed once).
 *
 * <p>Nothing is lost between the two: what a batch touched is saved ({@link Pending}) before the
 * batch is committed and deleted only once rolled up; a restart rolls up what was left. History
 * can run ahead of the rollups by a bounded time, then a batch waits for the worker.
 */
public final class RollupQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RollupQueue.class);
    private static final long NONE = -1;

    /** Where what the batches touched is kept until rolled up. */
    public interface Pending {
        void save(long batchId, Set<ListenerSong> touched);

        SortedMap<Long, Set<ListenerSong>> load();

        void deleteThrough(long batchId);
    }

    /** What recomputes the rollups of the touched listener-songs; {@code batches} names them in its log. */
    @FunctionalInterface
    public interface Rollup {
        void update(String batches, Set<ListenerSong> touched) throws InterruptedException;
    }

    /** How a step that talks to Cassandra is retried through an outage. */
    @FunctionalInterface
    public interface Retry {
        void run(String what, Step step) throws InterruptedException;
    }

    @FunctionalInterface
    public interface Step {
        void run() throws InterruptedException;
    }

    private final Rollup rollup;
    private final Pending pending;
    private final Retry retry;
    private final Duration interval;
    private final long maxLeadNanos;
    private final Thread worker;
    private final Object lock = new Object();
    /** Batch id -> what it touched, handed over and not yet taken by the worker. Guarded by {@link #lock}. */
    private final SortedMap<Long, Set<ListenerSong>> queued = new TreeMap<>();
    /** When the oldest of {@link #queued} was handed over. Guarded by {@link #lock}. */
    private long queuedSince;
    /** Whether the worker is rolling up, and when the oldest batch of that run was handed over. Guarded by {@link #lock}. */
    private boolean rolling;
    private long rollingSince;
    private volatile long rolledUpThrough = NONE;
    private Exception failure;
    private boolean closed;

    /**
     * @param maxLead how long batches may stay handed over and not yet taken by the worker; a batch
     *                handed over later waits until the worker takes them
     */
    public RollupQueue(Rollup rollup, Pending pending, Retry retry, Duration interval, Duration maxLead) {
        this.rollup = rollup;
        this.pending = pending;
        this.retry = retry;
        this.interval = interval;
        this.maxLeadNanos = maxLead.toNanos();
        this.worker = new Thread(this::work, "rollups");
        worker.setDaemon(true);
    }

    /** Queues what an earlier run left to roll up, then starts the worker. */
    public void start() throws InterruptedException {
        retry.run("reading the pending rollups", () -> {
            SortedMap<Long, Set<ListenerSong>> left = pending.load();
            synchronized (lock) {
                queued.putAll(left);
                queuedSince = System.nanoTime();
            }
            if (!left.isEmpty()) {
                LOG.info("{} batches of an earlier run still to roll up ({} to {})", left.size(), left.firstKey(), left.lastKey());
            }
        });
        worker.start();
    }

    /**
     * Saves what the batch touched, so that no crash can lose it once the batch is committed, and
     * queues it. Waits while the worker is behind by more than the lead; throws when it failed.
     */
    public void submit(long batchId, Set<ListenerSong> touched) throws InterruptedException {
        synchronized (lock) {
            throwIfFailed();
        }
        if (touched.isEmpty()) {
            return;
        }
        retry.run("saving what batch " + batchId + " touched", () -> pending.save(batchId, touched));
        synchronized (lock) {
            if (queued.isEmpty()) {
                queuedSince = System.nanoTime();
            }
            queued.computeIfAbsent(batchId, id -> new HashSet<>()).addAll(touched);
            lock.notifyAll();
            // Once true, true until the worker takes the queue (and notifies).
            while (!queued.isEmpty() && System.nanoTime() - queuedSince > maxLeadNanos && failure == null && !closed) {
                lock.wait();
            }
            throwIfFailed();
        }
    }

    /** The last batch whose rollups are written, or -1 before the first. */
    public long rolledUpThrough() {
        return rolledUpThrough;
    }

    /** How long the oldest batch handed over and not yet rolled up has waited; zero when none waits. */
    public Duration lag() {
        synchronized (lock) {
            if (!rolling && queued.isEmpty()) {
                return Duration.ZERO;
            }
            return Duration.ofNanos(System.nanoTime() - (rolling ? rollingSince : queuedSince));
        }
    }

    /** Stops the worker after its current run; what is not rolled up stays pending for the next start. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }

    private void work() {
        long lastRun = System.nanoTime() - interval.toNanos();
        try {
            while (true) {
                SortedMap<Long, Set<ListenerSong>> taken;
                synchronized (lock) {
                    long due = lastRun + interval.toNanos();
                    while (!closed && (queued.isEmpty() || System.nanoTime() < due)) {
                        long waitMs = queued.isEmpty() ? 0 : Math.max(1, (due - System.nanoTime()) / 1_000_000);
                        lock.wait(waitMs);
                    }
                    if (closed) {
                        return;
                    }
                    taken = new TreeMap<>(queued);
                    queued.clear();
                    rolling = true;
                    rollingSince = queuedSince;
                    lock.notifyAll();
                }
                lastRun = System.nanoTime();
                rollUp(taken);
                rolledUpThrough = taken.lastKey();
                synchronized (lock) {
                    rolling = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("the rollups stopped: {}", e.getMessage());
            synchronized (lock) {
                failure = e;
                lock.notifyAll();
            }
        }
    }

    private void rollUp(SortedMap<Long, Set<ListenerSong>> batches) throws InterruptedException {
        Set<ListenerSong> touched = new HashSet<>();
        batches.values().forEach(touched::addAll);
        String names = batches.size() == 1
                ? "batch " + batches.firstKey()
                : "batches " + batches.firstKey() + "-" + batches.lastKey();
        retry.run("rolling up " + names, () -> rollup.update(names, touched));
        retry.run("clearing the pending rollups of " + names, () -> pending.deleteThrough(batches.lastKey()));
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("the rollups failed: " + failure.getMessage(), failure);
        }
    }
}

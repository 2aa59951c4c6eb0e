package dev.listening.streamer.watchdog;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Turns "no progress" into a stop. The stream shows life by finishing a micro-batch, by reporting an
 * idle trigger, or by retrying a write through an outage ({@link #beat}). When none of these happened
 * for the stall timeout, it is stuck where no timeout reaches, and waiting longer cannot help: the
 * watchdog calls its {@link Stall} once, which ends the job with a clear message; a restart from the
 * checkpoint replays the batch that was in flight.
 */
public final class StallWatchdog implements AutoCloseable {
    /** What to do when the stream stalled; called once, with how long it has been silent. */
    @FunctionalInterface
    public interface Stall {
        void stalled(Duration silent);
    }

    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final Stall stall;
    private final AtomicLong lastBeat;
    private final AtomicBoolean fired = new AtomicBoolean();
    private ScheduledExecutorService checker;

    public StallWatchdog(Duration timeout, Stall stall) {
        this(timeout, System::nanoTime, stall);
    }

    StallWatchdog(Duration timeout, LongSupplier nanoTime, Stall stall) {
        this.timeout = timeout;
        this.nanoTime = nanoTime;
        this.stall = stall;
        this.lastBeat = new AtomicLong(nanoTime.getAsLong());
    }

    /** The stream is alive. */
    public void beat() {
        lastBeat.set(nanoTime.getAsLong());
    }

    /** Checks every second (or every tenth of the timeout, if shorter) from a daemon thread. */
    public synchronized void start() {
        beat();
        checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "stall-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, Math.min(1_000, timeout.toMillis() / 10));
        checker.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    void check() {
        Duration silent = Duration.ofNanos(nanoTime.getAsLong() - lastBeat.get());
        if (silent.compareTo(timeout) >= 0 && fired.compareAndSet(false, true)) {
            stall.stalled(silent);
        }
    }

    @Override
    public synchronized void close() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }
}

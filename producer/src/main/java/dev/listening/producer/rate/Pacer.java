package dev.listening.producer.rate;

/**
 * Fixed-rate schedule: event i is due at {@code start + i / rate}, computed from the start every
 * time, so a late event (GC pause, slow send) is caught up on instead of shifting every later one
 * (the drift of sleeping a fixed interval after each send).
 */
public final class Pacer {
    private final long startNanos;
    private final double intervalNanos;

    public Pacer(Rate rate, long startNanos) {
        this.startNanos = startNanos;
        this.intervalNanos = rate.intervalNanos();
    }

    /** When event {@code index} (from 0) is due, on the {@link System#nanoTime()} scale. */
    public long deadline(long index) {
        return startNanos + Math.round(index * intervalNanos);
    }

    /** How long to wait at {@code nowNanos} before sending event {@code index}; 0 when it is due or late. */
    public long waitNanos(long index, long nowNanos) {
        return Math.max(0, deadline(index) - nowNanos);
    }
}

package dev.listening.stack.process;

import java.time.Duration;

/** A point in time to give up waiting, on the monotonic clock. */
public record Deadline(long nanos) {
    public static Deadline in(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
    }

    public boolean expired() {
        return remaining().isZero();
    }

    /** The remaining time, but at most {@code cap}: one attempt must not eat the whole deadline. */
    public Duration remainingAtMost(Duration cap) {
        Duration remaining = remaining();
        return remaining.compareTo(cap) < 0 ? remaining : cap;
    }
}

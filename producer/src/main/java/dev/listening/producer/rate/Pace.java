package dev.listening.producer.rate;

/**
 * When each event of a run is due, on the {@link System#nanoTime()} scale. A run asks twice per
 * event: before making it (a fixed rate, so an event stamped with the wall clock is stamped when it
 * is due) and before sending it (a virtual clock, which needs the event's ts). A deadline in the
 * past means "now".
 */
public interface Pace {
    long beforeMaking(long index);

    long beforeSending(long tsMillis);

    /** True when more than about one event a second is expected: progress lines then replace per-event ones. */
    boolean busy();

    /** Event i due at {@code start + i / rate}: the original producer's schedule. */
    static Pace rate(Rate rate, long startNanos) {
        Pacer pacer = new Pacer(rate, startNanos);
        return new Pace() {
            @Override
            public long beforeMaking(long index) {
                return pacer.deadline(index);
            }

            @Override
            public long beforeSending(long tsMillis) {
                return startNanos;
            }

            @Override
            public boolean busy() {
                return rate.isMax() || rate.perSecond() > 1;
            }
        };
    }

    /**
     * A virtual clock: the run's start is virtual time {@code anchorMillis}, and virtual time runs
     * {@code speed} times faster than real time, so an event of time ts is due
     * {@code (ts - anchor) / speed} after the start. A null anchor is the first event's ts (a replay).
     */
    static Pace clock(Long anchorMillis, Speed speed, long startNanos) {
        return new Pace() {
            private long anchor = anchorMillis == null ? Long.MIN_VALUE : anchorMillis;

            @Override
            public long beforeMaking(long index) {
                return startNanos;
            }

            @Override
            public long beforeSending(long tsMillis) {
                if (anchor == Long.MIN_VALUE) {
                    anchor = tsMillis;
                }
                return speed.isMax() ? startNanos : startNanos + Math.round((tsMillis - anchor) * 1e6 / speed.factor());
            }

            @Override
            public boolean busy() {
                return true;
            }
        };
    }
}

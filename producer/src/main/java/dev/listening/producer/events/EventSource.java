package dev.listening.producer.events;

/** The events of a run, in order: made on demand, or ahead on a thread of their own. */
public interface EventSource extends AutoCloseable {
    WireEvent next();

    @Override
    default void close() {
    }

    /** Each event made when it is asked for, so its ts is the moment it is sent. */
    static EventSource onDemand(EventGenerator generator, EventTime time) {
        return new EventSource() {
            private long index;

            @Override
            public WireEvent next() {
                return WireEvent.of(generator.next(time.millis(index++)));
            }
        };
    }

    /**
     * Events made ahead by another thread, at most a few thousand. For --rate max: making and
     * encoding an event costs about a tenth of compressing and sending it, and the sending thread
     * is the bottleneck. The order, so a seeded stream, is the same as on demand.
     */
    static EventSource ahead(EventGenerator generator, EventTime time, long limit) {
        return new EventsAhead(generator, time, limit);
    }
}

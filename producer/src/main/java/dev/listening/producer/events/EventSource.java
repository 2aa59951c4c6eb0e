package dev.listening.producer.events;

import dev.listening.contract.ListeningEvent;
import dev.listening.producer.scenario.Scenario;

/** The events of a run, in order: made on demand, made ahead on a thread of their own, or read from a file. */
public interface EventSource extends AutoCloseable {
    /** The next event, or null when there are no more. */
    WireEvent next();

    @Override
    default void close() {
    }

    /** Each event made when it is asked for, so an event stamped with the wall clock is stamped when it is sent. */
    static EventSource onDemand(Scenario scenario) {
        return () -> {
            ListeningEvent event = scenario.next();
            return event == null ? null : WireEvent.of(event);
        };
    }

    /**
     * Events made ahead by another thread, at most a few thousand. For --rate max: making and
     * encoding an event costs about a tenth of compressing and sending it, and the sending thread
     * is the bottleneck. The order, so a seeded stream, is the same as on demand.
     */
    static EventSource ahead(Scenario scenario, long limit) {
        return new EventsAhead(scenario, limit);
    }
}

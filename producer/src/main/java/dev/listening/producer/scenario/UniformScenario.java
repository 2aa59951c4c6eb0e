package dev.listening.producer.scenario;

import dev.listening.contract.ListeningEvent;
import dev.listening.producer.events.EventGenerator;
import dev.listening.producer.events.EventTime;

/**
 * The original producer: a uniformly random listener plays a uniformly random song, events 1/rate
 * apart (stamped with the wall clock when live). Plays carry no details (action, played time, session).
 */
public final class UniformScenario implements Scenario {
    private final EventGenerator generator;
    private final EventTime time;
    private final long end;
    private long index;

    public UniformScenario(ScenarioSetup setup) {
        this.generator = new EventGenerator(setup.listeners(), setup.songs(), setup.seed());
        this.time = setup.start() == null ? EventTime.wallClock(setup.clock()) : EventTime.from(setup.start(), setup.rate());
        this.end = setup.endMillis();
    }

    @Override
    public ListeningEvent next() {
        long ts = time.millis(index);
        if (ts >= end) {
            return null;
        }
        index++;
        return generator.next(ts);
    }
}

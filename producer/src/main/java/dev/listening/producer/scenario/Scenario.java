package dev.listening.producer.scenario;

import dev.listening.contract.ListeningEvent;

/**
 * A way of listening: the plays of a run, one after the other. Implementations are made by
 * {@link Scenarios} from a {@link ScenarioSetup} and must be deterministic for its seed: the same
 * setup gives the same events, event_ids included.
 */
public interface Scenario {
    /**
     * The next play, its ts not before the previous one's; null once the setup's end is reached
     * (never when it has none).
     */
    ListeningEvent next();
}

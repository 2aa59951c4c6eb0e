package dev.listening.producer.scenario;

import dev.listening.producer.listeners.Listener;
import dev.listening.producer.rate.Rate;
import dev.listening.producer.songs.Song;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What every scenario is made from.
 *
 * @param start virtual time of the run's start, or null for the wall clock (a live run)
 * @param end   the first instant no event may have, or null for no end
 * @param rate  events per second, for scenarios that follow one
 * @param clock the wall clock of a live run
 */
public record ScenarioSetup(List<Listener> listeners, List<Song> songs, long seed, Instant start, Instant end,
                            Rate rate, Clock clock) {
    public ScenarioSetup {
        if (listeners.isEmpty() || songs.isEmpty()) {
            throw new IllegalArgumentException("need at least one listener and one song");
        }
        listeners = List.copyOf(listeners);
        songs = List.copyOf(songs);
    }

    /** The start, the wall clock's now for a live run. */
    public Instant startOrNow() {
        return start != null ? start : clock.instant();
    }

    /** End as epoch milliseconds, {@link Long#MAX_VALUE} without one. */
    public long endMillis() {
        return end == null ? Long.MAX_VALUE : end.toEpochMilli();
    }
}

package dev.listening.producer.events;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import dev.listening.contract.ListeningEvent;
import dev.listening.producer.listeners.Listener;
import dev.listening.producer.songs.Song;

import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Plays: a random listener hears a random song. Deterministic for a seed: the same seed and the
 * same timestamps give the same events, event_ids included. An event_id is a UUIDv7 built from the
 * event's ts and seeded random bits; within one millisecond the generator counts up, so ids sort
 * by time and never repeat in a run.
 */
public final class EventGenerator {
    private final List<Listener> listeners;
    private final List<Song> songs;
    private final SplittableRandom picks;
    private final TimeBasedEpochGenerator eventIds;

    public EventGenerator(List<Listener> listeners, List<Song> songs, long seed) {
        if (listeners.isEmpty() || songs.isEmpty()) {
            throw new IllegalArgumentException("need at least one listener and one song");
        }
        this.listeners = List.copyOf(listeners);
        this.songs = List.copyOf(songs);
        SplittableRandom root = new SplittableRandom(seed);
        this.picks = root.split();
        this.eventIds = Generators.timeBasedEpochGenerator(new Random(root.nextLong()));
    }

    public ListeningEvent next(long ts) {
        Listener listener = listeners.get(picks.nextInt(listeners.size()));
        Song song = songs.get(picks.nextInt(songs.size()));
        return new ListeningEvent(ListeningEvent.SCHEMA_VERSION, eventIds.construct(ts).toString(), ts,
                listener.userId(), listener.name(), listener.country(), listener.city(),
                listener.device().os(), listener.device().client(), listener.device().deviceType(),
                song.title(), song.artists());
    }
}

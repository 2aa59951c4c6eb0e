package dev.listening.producer.events;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.rate.Rate;
import dev.listening.producer.songs.Song;
import dev.listening.producer.songs.SongCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSourceTest {
    private static final List<Song> SONGS = SongCatalog.load(Path.of("..", "data", "spotify-songs.csv")).songs();
    private static final EventTime TIME = EventTime.from(Instant.parse("2024-05-01T20:00:00Z"), Rate.MAX);

    @Test
    void eventsMadeAheadAreTheSameAsOnDemandInTheSameOrder() {
        List<WireEvent> onDemand = take(EventSource.onDemand(generator(), TIME), 5000);
        List<WireEvent> ahead = take(EventSource.ahead(generator(), TIME, 5000), 5000);
        for (int i = 0; i < onDemand.size(); i++) {
            assertEquals(onDemand.get(i).key(), ahead.get(i).key());
            assertArrayEquals(onDemand.get(i).json(), ahead.get(i).json(), "event " + i);
        }
    }

    @Test
    void theKeyIsTheUserIdAndTheValueTheContractJson() throws IOException {
        WireEvent event = EventSource.onDemand(generator(), TIME).next();
        ListeningEvent decoded = EventJson.fromBytes(event.json());
        assertEquals(decoded.userId(), event.key());
        assertEquals(TIME.millis(0), decoded.ts());
    }

    @Test
    void aFailureWhileMakingAheadReachesTheSenderInsteadOfAHang() {
        EventTime breaksAt600 = index -> {
            if (index == 600) {
                throw new ArithmeticException("clock broke");
            }
            return TIME.millis(index);
        };
        try (EventSource ahead = EventSource.ahead(generator(), breaksAt600, Long.MAX_VALUE)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> take(ahead, 1000));
            assertTrue(e.getCause() instanceof ArithmeticException, String.valueOf(e.getCause()));
        }
    }

    private static EventGenerator generator() {
        return new EventGenerator(Listeners.generate(20, List.of(), 8), SONGS, 8);
    }

    private static List<WireEvent> take(EventSource source, int count) {
        List<WireEvent> events = new ArrayList<>();
        try (source) {
            for (int i = 0; i < count; i++) {
                events.add(source.next());
            }
        }
        return events;
    }
}

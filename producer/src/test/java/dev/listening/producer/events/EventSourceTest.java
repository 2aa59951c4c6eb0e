package dev.listening.producer.events;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.rate.Rate;
import dev.listening.producer.scenario.Scenario;
import dev.listening.producer.scenario.ScenarioSetup;
import dev.listening.producer.scenario.UniformScenario;
import dev.listening.producer.songs.Song;
import dev.listening.producer.songs.SongCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSourceTest {
    private static final List<Song> SONGS = SongCatalog.load(Path.of("..", "data", "spotify-songs.csv")).songs();
    private static final Instant START = Instant.parse("2024-05-01T20:00:00Z");

    @Test
    void eventsMadeAheadAreTheSameAsOnDemandInTheSameOrder() {
        List<WireEvent> onDemand = take(EventSource.onDemand(scenario()), 5000);
        List<WireEvent> ahead = take(EventSource.ahead(scenario(), 5000), 5000);
        for (int i = 0; i < onDemand.size(); i++) {
            assertEquals(onDemand.get(i).key(), ahead.get(i).key());
            assertArrayEquals(onDemand.get(i).json(), ahead.get(i).json(), "event " + i);
        }
    }

    @Test
    void theKeyIsTheUserIdAndTheValueTheContractJson() throws IOException {
        WireEvent event = EventSource.onDemand(scenario()).next();
        ListeningEvent decoded = EventJson.fromBytes(event.json());
        assertEquals(decoded.userId(), event.key());
        assertEquals(START.toEpochMilli(), decoded.ts());
        assertEquals(decoded.ts(), event.ts());
    }

    @Test
    void bothEndAfterTheScenariosLastEvent() {
        Scenario twelve = scenario(START.plusMillis(12));
        try (EventSource ahead = EventSource.ahead(twelve, Long.MAX_VALUE)) {
            for (int i = 0; i < 12; i++) {
                assertEquals(START.toEpochMilli() + i, ahead.next().ts());
            }
            assertNull(ahead.next());
            assertNull(ahead.next());
        }
        EventSource onDemand = EventSource.onDemand(scenario(START.plusMillis(3)));
        for (int i = 0; i < 3; i++) {
            assertEquals(START.toEpochMilli() + i, onDemand.next().ts());
        }
        assertNull(onDemand.next());
    }

    @Test
    void aFailureWhileMakingAheadReachesTheSenderInsteadOfAHang() {
        Scenario scenario = scenario();
        Scenario breaksAt600 = new Scenario() {
            private int made;

            @Override
            public ListeningEvent next() {
                if (made++ == 600) {
                    throw new ArithmeticException("clock broke");
                }
                return scenario.next();
            }
        };
        try (EventSource ahead = EventSource.ahead(breaksAt600, Long.MAX_VALUE)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> take(ahead, 1000));
            assertTrue(e.getCause() instanceof ArithmeticException, String.valueOf(e.getCause()));
        }
    }

    private static Scenario scenario() {
        return scenario(null);
    }

    /** Uniform, 1 ms apart from START, up to end (exclusive) if given. */
    private static Scenario scenario(Instant end) {
        return new UniformScenario(new ScenarioSetup(Listeners.generate(20, List.of(), 8), SONGS, 8, START, end,
                Rate.MAX, Clock.systemUTC()));
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

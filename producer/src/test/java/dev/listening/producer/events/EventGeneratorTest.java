package dev.listening.producer.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.contract.EventField;
import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.producer.listeners.Listener;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.rate.Rate;
import dev.listening.producer.songs.Song;
import dev.listening.producer.songs.SongCatalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventGeneratorTest {
    private static final List<Song> SONGS = SongCatalog.load(Path.of("..", "data", "spotify-songs.csv")).songs();
    private static final long START = Instant.parse("2024-05-01T20:00:00Z").toEpochMilli();

    @Test
    void theSameSeedAndTimesGiveTheSameStreamEventIdsIncluded() {
        assertEquals(stream(42, 1000), stream(42, 1000));
        List<String> ids42 = stream(42, 1000).stream().map(ListeningEvent::eventId).toList();
        List<String> ids43 = stream(43, 1000).stream().map(ListeningEvent::eventId).toList();
        assertTrue(ids42.stream().noneMatch(new HashSet<>(ids43)::contains), "another seed reused ids");
    }

    @Test
    void eventIdsAreUuidV7CarryingTheTimestampAndSortingByTime() {
        List<ListeningEvent> events = stream(1, 5000);
        for (ListeningEvent event : events) {
            UUID id = UUID.fromString(event.eventId());
            assertEquals(7, id.version());
            assertEquals(2, id.variant());
            assertEquals(event.ts(), id.getMostSignificantBits() >>> 16, "UUIDv7 time is the event ts");
        }
        List<String> sorted = new ArrayList<>(events.stream().map(ListeningEvent::eventId).toList());
        sorted.sort(null);
        assertEquals(events.stream().map(ListeningEvent::eventId).toList(), sorted);
    }

    @Test
    void manyEventsInOneMillisecondStillGetDistinctIncreasingIds() {
        EventGenerator generator = generator(9);
        List<String> ids = LongStream.range(0, 100_000).mapToObj(i -> generator.next(START).eventId()).toList();
        assertEquals(100_000, new HashSet<>(ids).size());
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(ids, sorted);
    }

    @Test
    void eachEventIsOneListenersProfileAndOneRealSong() {
        List<Listener> listeners = Listeners.generate(20, List.of("Ada"), 5);
        Set<List<String>> songKeys = new HashSet<>();
        SONGS.forEach(s -> songKeys.add(List.of(s.title(), s.artists())));
        EventGenerator generator = new EventGenerator(listeners, SONGS, 5);
        for (int i = 0; i < 2000; i++) {
            ListeningEvent event = generator.next(START + i);
            Listener listener = listeners.stream().filter(l -> l.userId().equals(event.userId())).findFirst()
                    .orElseThrow();
            assertEquals(List.of(listener.name(), listener.country(), listener.city(), listener.device().os(),
                            listener.device().client(), listener.device().deviceType()),
                    List.of(event.name(), event.country(), event.city(), event.os(), event.client(), event.deviceType()));
            assertTrue(songKeys.contains(List.of(event.song(), event.artists())), event.song() + " is not in the CSV");
            assertEquals(ListeningEvent.SCHEMA_VERSION, event.schemaVersion());
        }
    }

    @Test
    void everyEventSurvivesTheContractJsonWithExactlyTheContractFieldsOfAPlayWithoutDetails() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        // the uniform generator knows no action, played time or session: those optional fields are left out
        Set<EventField> details = EnumSet.of(EventField.ACTION, EventField.PLAYED_MS, EventField.PAUSED_MS,
                EventField.SESSION_ID);
        List<String> contractFields = Arrays.stream(EventField.values()).filter(f -> !details.contains(f))
                .map(EventField::jsonName).toList();
        for (ListeningEvent event : stream(3, 500)) {
            byte[] json = EventJson.toBytes(event);
            assertEquals(event, EventJson.fromBytes(json));
            JsonNode tree = mapper.readTree(json);
            List<String> keys = new ArrayList<>();
            tree.fieldNames().forEachRemaining(keys::add);
            assertEquals(contractFields, keys);
            assertTrue(tree.get(EventField.TS.jsonName()).isIntegralNumber(), "ts is epoch millis, not text");
        }
    }

    @Test
    void aSimulatedTimelineSpacesEventsByTheRate() {
        EventTime fourPerSecond = EventTime.from(Instant.ofEpochMilli(START), new Rate(4));
        assertEquals(START, fourPerSecond.millis(0));
        assertEquals(START + 250, fourPerSecond.millis(1));
        assertEquals(START + 3_600_000, fourPerSecond.millis(14_400));
        EventTime threePerSecond = EventTime.from(Instant.ofEpochMilli(START), new Rate(3));
        assertEquals(START + 333, threePerSecond.millis(1));
        assertEquals(START + 1_000_000_000_000L, threePerSecond.millis(3_000_000_000L), "no rounding drift");
        EventTime max = EventTime.from(Instant.ofEpochMilli(START), Rate.MAX);
        assertEquals(START + 7, max.millis(7));
    }

    @Test
    void differentSeedsPickDifferentSequences() {
        assertNotEquals(stream(1, 50).stream().map(ListeningEvent::song).toList(),
                stream(2, 50).stream().map(ListeningEvent::song).toList());
    }

    private static List<ListeningEvent> stream(long seed, int count) {
        EventGenerator generator = generator(seed);
        EventTime time = EventTime.from(Instant.ofEpochMilli(START), new Rate(10));
        return LongStream.range(0, count).mapToObj(i -> generator.next(time.millis(i))).toList();
    }

    private static EventGenerator generator(long seed) {
        return new EventGenerator(Listeners.generate(50, List.of(), seed), SONGS, seed);
    }
}

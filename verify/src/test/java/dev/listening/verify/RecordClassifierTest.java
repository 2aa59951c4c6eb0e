package dev.listening.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listening.contract.EventJson;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.ListeningEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The streamer's rules (ListeningPlan and its tests, BadRecordsIT) as verify applies them to the bytes. */
class RecordClassifierTest {
    private static final String ID = "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6071";
    private static final Instant KAFKA_TS = Instant.parse("2025-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEventPointsAtTheRowOfItsUtcDateAndHour() {
        RecordRef record = RecordClassifier.classify(1, 42, KAFKA_TS, EventJson.toBytes(event("Ada", 4_102_444_799_999L)));

        assertEquals("1@42", record.coordinates());
        assertEquals(KAFKA_TS, record.timestamp());
        assertEquals(new RecordRef.PrimaryKey(new RecordRef.PartitionKey("Ada", LocalDate.parse("2099-12-31"), 23),
                Instant.ofEpochMilli(4_102_444_799_999L), UUID.fromString(ID)), record.row().primaryKey());
    }

    @Test
    void everyFieldOfTheEventIsAColumnAndSkippedFollowsTheAction() {
        ListeningEvent played = new ListeningEvent(2, ID, 1_700_000_000_000L, "u1", "Ada", "PT", "Porto", "Linux", "web", "desktop",
                "Flowers", "Miley Cyrus", "play", 200_000L, 0L, "s-1");
        EventRow row = row(EventJson.toBytes(played));

        assertEquals(List.of(2, UUID.fromString(ID), Instant.ofEpochMilli(1_700_000_000_000L), "u1", "Ada", "PT", "Porto", "Linux",
                        "web", "desktop", "Flowers", "Miley Cyrus", "play", 200_000L, 0L, "s-1", LocalDate.parse("2023-11-14"), 22, 0),
                EventRow.COLUMNS.stream().map(row::value).toList());
        assertEquals(1, row(EventJson.toBytes(withAction(played, "skip"))).value(HistoryColumn.SKIPPED));
        assertNull(row(EventJson.toBytes(event("Ada", 1_700_000_000_000L))).value(HistoryColumn.SKIPPED), "version 1: no action");
    }

    @Test
    void aNameThatCannotBeAPartitionKeyCanOnlyBeADeadLetter() {
        String longest = "é".repeat(HistoryColumn.MAX_NAME_BYTES / 2);

        assertNotNull(row(EventJson.toBytes(event(longest, 1_700_000_000_000L))));
        assertNull(row(EventJson.toBytes(event(longest + "x", 1_700_000_000_000L))));
    }

    @Test
    void aValueThatIsNotUtf8JsonOfAnObjectCanOnlyBeADeadLetter() {
        byte[] value = EventJson.toBytes(event("Ada", 1_700_000_000_000L));
        value[new String(value, StandardCharsets.UTF_8).indexOf("Ada")] = (byte) 0xff;

        assertNull(row(value));
        assertNull(row(null));
        assertNull(row(new byte[0]));
        assertNull(row(bytes("not json")));
        assertNull(row(bytes("null")));
        assertNull(row(bytes("[" + EventJson.toJson(event("Ada", 1L)) + "]")));
    }

    @Test
    void aFieldOfTheWrongTypeMakesADeadLetterExceptInATextField() {
        assertNull(edited(n -> n.put("ts", "1700000000000")));
        assertNull(edited(n -> n.put("ts", 1.7e12)));
        assertNull(edited(n -> n.put("schema_version", "2")));
        assertNull(edited(n -> n.put("schema_version", 3_000_000_000L)));
        assertNull(edited(n -> n.putObject("played_ms").put("ms", 1)));
        assertEquals("5", edited(n -> n.put("country", 5)).value("country"), "a number in a text field is kept as its JSON text");
        assertEquals("{\"a\":[1,true]}", edited(n -> n.putObject("city").putArray("a").add(1).add(true)).value("city"));
        assertNotNull(edited(n -> n.putObject("extra").put("deep", 1)), "unknown fields are ignored");
    }

    @Test
    void requiredFieldsMustBePresentAndNotBlank() {
        for (String required : List.of("schema_version", "event_id", "ts", "user_id", "name", "song", "artists")) {
            assertNull(edited(n -> n.remove(required)), required);
            assertNull(edited(n -> n.putNull(required)), required);
        }
        assertNull(edited(n -> n.put("name", "   ")));
        assertNull(edited(n -> n.put("song", "")));
        assertEquals("\t", edited(n -> n.put("name", "\t")).name(), "Spark's trim takes spaces only");
        assertNotNull(edited(n -> n.remove("country")), "optional");
    }

    @Test
    void eventIdTsAndVersionMustBeWhatTheTableAndTheReaderTake() {
        assertNull(edited(n -> n.put("event_id", "not-a-uuid")));
        assertEquals(UUID.fromString(ID), edited(n -> n.put("event_id", ID.toUpperCase())).eventId());
        assertNotNull(edited(n -> n.put("ts", 0)), "1970 is a time like any other");
        assertEquals(LocalDate.parse("1969-12-31"), edited(n -> n.put("ts", -1)).date());
        assertEquals(23, edited(n -> n.put("ts", -1)).hour());
        assertNotNull(edited(n -> n.put("ts", ListeningEvent.MAX_TS)));
        assertNull(edited(n -> n.put("ts", ListeningEvent.MAX_TS + 1)));
        assertNull(edited(n -> n.put("ts", ListeningEvent.MIN_TS - 1)));
        assertNull(edited(n -> n.put("schema_version", 0)));
        assertNull(edited(n -> n.put("schema_version", ListeningEvent.SCHEMA_VERSION + 1)));
        assertNotNull(edited(n -> n.put("schema_version", 1)));
    }

    @Test
    void singleQuotesAndNaNAreJsonAsSparkReadsIt() {
        String json = EventJson.toJson(event("Ada", 1_700_000_000_000L)).replace('"', '\'');

        assertEquals("Ada", row(bytes(json)).name());
        assertNotNull(row(bytes(json.replace("{", "{'x': NaN, "))));
    }

    private static EventRow row(byte[] value) {
        return RecordClassifier.classify(0, 0, KAFKA_TS, value).row();
    }

    private static EventRow edited(Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(EventJson.toBytes(event("Ada", 1_700_000_000_000L)));
            edit.accept(node);
            return row(JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static ListeningEvent withAction(ListeningEvent e, String action) {
        return new ListeningEvent(e.schemaVersion(), e.eventId(), e.ts(), e.userId(), e.name(), e.country(), e.city(), e.os(),
                e.client(), e.deviceType(), e.song(), e.artists(), action, e.playedMs(), e.pausedMs(), e.sessionId());
    }

    private static ListeningEvent event(String name, long ts) {
        return new ListeningEvent(ListeningEvent.SCHEMA_VERSION, ID, ts, "u", name, null, null, null, null, null,
                "Flowers", "Miley Cyrus");
    }
}

package dev.listening.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {
    private final ListeningEvent event = new ListeningEvent(ListeningEvent.SCHEMA_VERSION,
            "0190b7c4-1f2a-7000-8000-000000000001", 1_700_000_000_123L, "3f1c0c5e-2b1d-4d7e-9a55-0d9d0c1f8a11",
            "Siobhán O'Connor", "Ireland", "Cork", "Android", "mobile app", "phone",
            "\"Slut!\" (Taylor's Version)", "Taylor Swift", PlayAction.SKIP.jsonValue(), 31_000L, 0L,
            "0190b7c4-1f2a-7000-8000-0000000000aa");

    @Test
    void eventSurvivesARoundTrip() throws Exception {
        assertEquals(event, EventJson.fromBytes(EventJson.toBytes(event)));
    }

    @Test
    void jsonKeysAreExactlyTheContractFieldsInOrder() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(EventJson.toBytes(event));
        List<String> keys = new ArrayList<>();
        tree.fieldNames().forEachRemaining(keys::add);
        assertEquals(Arrays.stream(EventField.values()).map(EventField::jsonName).toList(), keys);
    }

    @Test
    void anEventWithoutPlayDetailsLeavesTheirKeysOut() throws Exception {
        ListeningEvent plain = new ListeningEvent(1, event.eventId(), event.ts(), event.userId(), event.name(),
                null, null, null, null, null, event.song(), event.artists());
        JsonNode tree = new ObjectMapper().readTree(EventJson.toBytes(plain));
        for (EventField field : List.of(EventField.ACTION, EventField.PLAYED_MS, EventField.PAUSED_MS, EventField.SESSION_ID)) {
            assertFalse(tree.has(field.jsonName()), field.jsonName());
        }
        assertTrue(tree.get("country").isNull());
        assertEquals(plain, EventJson.fromBytes(EventJson.toBytes(plain)));
    }

    @Test
    void aVersionOneEventStillParses() throws Exception {
        String v1 = "{\"schema_version\":1,\"event_id\":\"0190b7c4-1f2a-7000-8000-000000000001\",\"ts\":1700000000123,"
                + "\"user_id\":\"u\",\"name\":\"Ada\",\"country\":\"Ireland\",\"city\":\"Cork\",\"os\":\"Android\","
                + "\"client\":\"mobile app\",\"device_type\":\"phone\",\"song\":\"cardigan\",\"artists\":\"Taylor Swift\"}";
        ListeningEvent parsed = EventJson.fromBytes(v1.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, parsed.schemaVersion());
        assertEquals("cardigan", parsed.song());
        assertNull(parsed.action());
        assertNull(parsed.playedMs());
        assertNull(parsed.pausedMs());
        assertNull(parsed.sessionId());
    }

    @Test
    void timestampIsEpochMillisAndNonAsciiIsKept() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(EventJson.toJson(event));
        assertTrue(tree.get("ts").isIntegralNumber());
        assertEquals(1_700_000_000_123L, tree.get("ts").asLong());
        assertEquals("Siobhán O'Connor", tree.get("name").asText());
    }

    @Test
    void unknownFieldsFromANewerWriterAreIgnored() throws Exception {
        String newer = EventJson.toJson(event).replace("{", "{\"future_field\":42,");
        assertEquals(event, EventJson.fromBytes(newer.getBytes(StandardCharsets.UTF_8)));
    }
}

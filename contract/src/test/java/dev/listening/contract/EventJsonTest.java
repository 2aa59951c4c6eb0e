package dev.listening.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventJsonTest {
    private final ListeningEvent event = new ListeningEvent(ListeningEvent.SCHEMA_VERSION,
            "0190b7c4-1f2a-7000-8000-000000000001", 1_700_000_000_123L, "3f1c0c5e-2b1d-4d7e-9a55-0d9d0c1f8a11",
            "Siobhán O'Connor", "Ireland", "Cork", "Android", "mobile app", "phone",
            "\"Slut!\" (Taylor's Version)", "Taylor Swift");

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
    void timestampIsEpochMillisAndNonAsciiIsKept() throws Exception {
        JsonNode tree = new ObjectMapper().readTree(EventJson.toJson(event));
        assertTrue(tree.get("ts").isIntegralNumber());
        assertEquals(1_700_000_000_123L, tree.get("ts").asLong());
        assertEquals("Siobhán O'Connor", tree.get("name").asText());
    }

    @Test
    void unknownFieldsFromANewerWriterAreIgnored() throws Exception {
        String newer = EventJson.toJson(event).replace("{", "{\"future_field\":42,");
        assertEquals(event, EventJson.fromBytes(newer.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}

package dev.listening.producer.habits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.producer.listeners.Device;
import dev.listening.producer.listeners.Listener;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.listeners.Market;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileFileTest {
    @Test
    void everyListenerIsOneConsistentProfileInOneJsonArray(@TempDir Path dir) throws IOException {
        List<Listener> listeners = Listeners.generate(200, List.of("Ada Lovelace"), 4);
        Path file = dir.resolve("users.json");

        assertEquals(201, ProfileFile.write(listeners, file));

        JsonNode array = new ObjectMapper().readTree(Files.readAllBytes(file));
        assertEquals(201, array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode profile = array.get(i);
            Listener listener = listeners.get(i);
            assertEquals(listener.userId(), profile.get("user_id").asText());
            assertEquals(listener.name(), profile.get("name").asText());
            assertEquals(listener.city(), profile.get("city").asText());
            Market market = Market.of(profile.get("country").asText()).orElseThrow();
            assertEquals(market.zone().getId(), profile.get("time_zone").asText());
            assertTrue(Arrays.stream(Device.values()).anyMatch(d -> d.os().equals(profile.get("os").asText())
                    && d.client().equals(profile.get("client").asText())
                    && d.deviceType().equals(profile.get("device_type").asText())), profile.toString());
            double skipRate = profile.get("skip_rate").asDouble();
            assertTrue(skipRate >= 0.1 && skipRate <= 0.4, profile.toString());
            assertEquals(Habits.of(listener).danceability(), profile.get("danceability").asDouble(), 0.0005);
        }
        assertEquals("Ada Lovelace", array.get(200).get("name").asText());
    }

    @Test
    void habitsFollowFromTheListenerAlone() {
        Listener ada = Listeners.fixed("Ada Lovelace");
        assertEquals(Habits.of(ada), Habits.of(Listeners.generate(30, List.of("Ada Lovelace"), 99).get(30)));
    }
}

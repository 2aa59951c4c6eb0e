package dev.listening.streamer.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listening.contract.UserError;
import dev.listening.contract.metrics.BatchMetrics;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;

class PrometheusOutletTest {
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:10Z");
    private static final BatchMetrics FIRST = new BatchMetrics(NOW.toString(), "r", 0, false, 100, 97, 3, 1, 2, 2000, 50.0,
            400L, 3.0, null, null, null, 0, null, null, 0, 0);
    private static final BatchMetrics SECOND = new BatchMetrics(NOW.toString(), "r", 1, false, 50, 50, 0, 0, 0, 500, 100.0,
            0L, 0.0, 0L, 120L, 0.5, 2, "2024-05-01T12:00:04Z", 6.0, 8000, 1500);
    private static final BatchMetrics IDLE = new BatchMetrics(NOW.toString(), "r", 1, true, 0, 0, 0, 0, 0, 0, 0, 0L, 0.0,
            1L, 0L, 0.0, 1, "2024-05-01T12:00:04Z", 6.0, 2000, 500);

    @Test
    void theEndpointServesTotalsTheLastBatchAndFreshnessAsOfTheScrape() throws Exception {
        Clock clock = Clock.fixed(NOW.plusSeconds(4), ZoneOffset.UTC);
        try (PrometheusOutlet outlet = PrometheusOutlet.start("127.0.0.1", 0, clock)) {
            Map<String, Double> before = scrape(outlet.port());
            assertFalse(before.containsKey("listening_streamer_freshness_seconds"), "no event stored yet");

            outlet.publish(FIRST);
            outlet.publish(SECOND);
            outlet.publish(IDLE);
            Map<String, Double> after = scrape(outlet.port());

            assertEquals(2.0, after.get("listening_streamer_batches_total"), "an idle trigger is no batch");
            assertEquals(150.0, after.get("listening_streamer_input_rows_total"));
            assertEquals(147.0, after.get("listening_streamer_rows_stored_total"));
            assertEquals(3.0, after.get("listening_streamer_dead_letters_total"));
            assertEquals(1.0, after.get("listening_streamer_join_misses_total"));
            assertEquals(2.0, after.get("listening_streamer_retries_total"));
            assertEquals(100.0, after.get("listening_streamer_rows_per_second"));
            assertEquals(0.5, after.get("listening_streamer_batch_duration_seconds"));
            assertEquals(0.0, after.get("listening_streamer_kafka_lag_records"));
            assertEquals(0.0, after.get("listening_streamer_rollup_lag_seconds"));
            assertEquals(0.0, after.get("listening_streamer_rollup_lag_records"));
            assertEquals(3.0, after.get("listening_streamer_late_for_rollups_total"), "late events are counted per record");
            assertEquals(10_000.0, after.get("listening_streamer_rollup_rows_total"), "idle triggers carry rollup batches too");
            assertEquals(2.0, after.get("listening_streamer_rollup_batch_seconds_total"));
            assertEquals(10.0, after.get("listening_streamer_freshness_seconds"), "now (12:00:14) minus the newest event (12:00:04)");
        }
    }

    @Test
    void aPortInUseIsAUserError() {
        try (PrometheusOutlet first = PrometheusOutlet.start("127.0.0.1", 0, Clock.systemUTC())) {
            UserError e = assertThrows(UserError.class, () -> PrometheusOutlet.start("127.0.0.1", first.port(), Clock.systemUTC()));
            assertTrue(e.getMessage().contains("0 to turn the endpoint off"), e.getMessage());
        }
    }

    /** The samples of the text exposition format, by name. */
    private static Map<String, Double> scrape(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body().lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split(" "))
                .collect(Collectors.toMap(parts -> parts[0], parts -> Double.parseDouble(parts[1])));
    }
}

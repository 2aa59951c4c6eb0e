package dev.listening.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.contract.kafka.KafkaClient;
import dev.listening.contract.metrics.MetricsFile;
import dev.listening.dashboard.live.MetricsTailTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard with neither Kafka nor Cassandra there: it serves, says so, and answers within its deadlines. */
class DashboardTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path dir;
    private static Dashboard dashboard;
    private static Path metrics;

    @BeforeAll
    static void start() throws IOException {
        int closed = closedPort();
        metrics = dir.resolve("metrics.jsonl");
        dashboard = Dashboard.start(new DashboardSettings(KafkaClient.of("127.0.0.1:" + closed), "events",
                "127.0.0.1:" + closed, "datacenter1", "spotify", metrics, "127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        dashboard.close();
    }

    @Test
    void servesThePageAndTheVendoredChartsFromTheJar() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/vendor/uPlot.iife.min.js"), page.body());
        HttpResponse<String> uplot = get("/vendor/uPlot.iife.min.js");
        assertEquals(200, uplot.statusCode());
        assertTrue(uplot.body().contains("uPlot"));
        assertEquals(200, get("/listener").statusCode());
        assertEquals(404, get("/no-such-file").statusCode());
    }

    @Test
    void servicesThatAreDownShowAsDownWithinTheirDeadlines() throws Exception {
        MetricsFile.append(metrics, MetricsTailTest.batch(1, 42));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode live;
        do {
            live = JSON.readTree(get("/api/live").body());
        } while (live.get("services").size() < 3 || notAnsweredYet(live) && System.nanoTime() < deadline);
        List<String> down = new ArrayList<>();
        live.get("services").forEach(s -> {
            if (!s.get("up").asBoolean()) {
                down.add(s.get("service").asText());
            }
        });
        assertEquals(List.of("kafka", "streamer", "cassandra"), down, live.toString());
        assertEquals(42, live.get("totals").get("stored").asLong(), "the metrics file is read with Kafka down");
        assertFalse(live.get("series").get("time").isEmpty());
    }

    @Test
    void theListenerPageSaysWhatIsWrongInsteadOfHanging() throws Exception {
        HttpResponse<String> badDate = get("/api/listener?name=" + URLEncoder.encode("O'Connor", StandardCharsets.UTF_8)
                + "&date=yesterday&hour=3");
        assertEquals(400, badDate.statusCode());
        assertTrue(JSON.readTree(badDate.body()).get("error").asText().contains("yesterday"), badDate.body());

        HttpResponse<String> noCassandra = get("/api/listener?name=Ann&date=2024-05-01&hour=3");
        assertEquals(400, noCassandra.statusCode());
        assertTrue(JSON.readTree(noCassandra.body()).get("error").asText().startsWith("Cassandra is not connected"),
                noCassandra.body());
    }

    /** Each service has been asked once: a first answer replaces "not asked yet" / "not connected yet". */
    private static boolean notAnsweredYet(JsonNode live) {
        for (JsonNode service : live.get("services")) {
            if (service.get("detail").asText().startsWith("not ")) {
                return true;
            }
        }
        return false;
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        URI uri = dashboard.address().resolve(path);
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

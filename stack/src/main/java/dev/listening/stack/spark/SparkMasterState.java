package dev.listening.stack.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.stack.net.HostPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What a Spark standalone master reports on its web UI's /json/ page: its URL, status, workers and applications. */
public record SparkMasterState(String url, String status, List<Worker> workers, List<String> activeApps) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALIVE = "ALIVE";

    /** A worker as the master sees it; {@code state} is ALIVE, DEAD, DECOMMISSIONED or UNKNOWN. */
    public record Worker(String id, String host, int port, String webUi, String state, int cores, int coresUsed,
                         long memoryMb, long memoryUsedMb) {
        public boolean alive() {
            return ALIVE.equals(state);
        }
    }

    public boolean alive() {
        return ALIVE.equals(status);
    }

    /**
     * The worker whose UI listens at {@code ui}: a restarted worker registers anew beside its DEAD registration,
     * and the master lists them in no particular order, so the ALIVE one, else the latest (ids carry the time).
     */
    public Optional<Worker> worker(HostPort ui) {
        String suffix = ":" + ui.port();
        return workers.stream().filter(w -> w.webUi().endsWith(suffix))
                .max(Comparator.comparing(Worker::alive).thenComparing(Worker::id));
    }

    public List<Worker> aliveWorkers() {
        return workers.stream().filter(Worker::alive).toList();
    }

    static SparkMasterState parse(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        List<Worker> workers = new ArrayList<>();
        for (JsonNode w : root.path("workers")) {
            workers.add(new Worker(w.path("id").asText(), w.path("host").asText(), w.path("port").asInt(),
                    w.path("webuiaddress").asText(), w.path("state").asText(), w.path("cores").asInt(),
                    w.path("coresused").asInt(), w.path("memory").asLong(), w.path("memoryused").asLong()));
        }
        List<String> apps = new ArrayList<>();
        for (JsonNode app : root.path("activeapps")) {
            apps.add(app.path("id").asText() + " " + app.path("name").asText());
        }
        return new SparkMasterState(root.path("url").asText(), root.path("status").asText(), workers, apps);
    }

    /** Reads the state from a master's UI. */
    public record Probe(HostPort ui) {
        private static final Logger LOG = LoggerFactory.getLogger(Probe.class);

        public URI url() {
            return SparkCluster.uiUrl(ui);
        }

        /** The state, or empty when the UI does not answer within {@code timeout}. */
        public Optional<SparkMasterState> fetch(Duration timeout) throws InterruptedException {
            Duration bounded = timeout.isZero() || timeout.isNegative() ? Duration.ofMillis(1) : timeout;
            HttpClient client = HttpClient.newBuilder().connectTimeout(bounded).build();
            HttpRequest request = HttpRequest.newBuilder(url().resolve("json/")).timeout(bounded).GET().build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
            } catch (IOException e) {
                LOG.debug("no Spark master state at {}", url(), e);
                return Optional.empty();
            }
        }
    }
}

package dev.listening.it;

import dev.listening.contract.StreamerOptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml and the Vagrantfile cannot run here (no Docker daemon, no VM), but their own
 * validators can read them: a file that does not validate fails the build. Where a validator is not
 * installed (.ci/run installs both) the test is reported as skipped, never passed. What the compose
 * file promises beyond being valid (the pom's service versions, ports open to this host only, Prometheus
 * scraping where the jobs serve their metrics, a dashboard of documented metrics) is read from the files directly.
 */
class DeploymentFilesIT {
    private static final Path ROOT = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern METRIC = Pattern.compile("listening_[a-z_]+");

    @Test
    void composeFileValidates() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
        Result result = run(List.of("docker-compose", "-f", "docker-compose.yml", "config", "-q"));
        assertEquals(0, result.exitCode(), result.output());
    }

    @Test
    void composeClusterProfileValidatesWithAThreeNodeRing() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
        Result result = run(List.of("docker-compose", "-f", "docker-compose.yml", "--profile", "cluster", "config", "--services"));
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().lines().toList().containsAll(List.of("cassandra", "cassandra-2", "cassandra-3", "schema-cluster")),
                result.output());
    }

    @Test
    void composeFileAppliesTheProjectSchemaAndPinsImages() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertTrue(compose.contains("./cql:/cql:ro") && compose.contains("/cql/create_db.cql"), "schema-init must apply cql/create_db.cql");
        assertTrue(compose.lines().filter(l -> l.strip().startsWith("image:"))
                .allMatch(l -> l.matches(".*:v?[0-9][^:]*$")), "every image is pinned to a version");
    }

    @Test
    void composeRunsTheImageVersionsOfThePoms() throws IOException {
        Set<String> images = services().values().stream()
                .filter(service -> !service.containsKey("build"))
                .map(service -> (String) service.get("image"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(ServiceVersions.kafkaImage(), ServiceVersions.cassandraImage(), ServiceVersions.prometheusImage(),
                        ServiceVersions.grafanaImage()), images,
                "images not built from this project must carry the parent pom's kafka.version, cassandra.version, "
                        + "prometheus-image.tag and grafana-image.tag");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesTheStreamerAndTheProducerWhereTheyServeTheirMetrics() throws IOException {
        Map<String, Map<String, Object>> services = services();
        List<String> streamer = command(services.get("streamer"));
        List<String> producer = command(services.get("producer"));
        assertEquals("0.0.0.0", after(streamer, StreamerOptions.METRICS_ADDRESS), "the streamer's endpoint must be reachable from Prometheus");
        assertEquals("0.0.0.0", after(producer, "--metrics-address"), "the producer's endpoint must be reachable from Prometheus");
        assertFalse(streamer.contains(StreamerOptions.METRICS_PORT), "the streamer serves on its default port");

        Set<String> targets = new HashSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) yaml(DEPLOY.resolve("prometheus/prometheus.yml")).get("scrape_configs")) {
            for (Map<String, Object> config : (List<Map<String, Object>>) job.get("static_configs")) {
                targets.addAll((List<String>) config.get("targets"));
            }
        }
        assertEquals(Set.of("streamer:" + StreamerOptions.DEFAULT_METRICS_PORT, "producer:" + after(producer, "--metrics-port")), targets);
        assertTrue(((List<String>) services.get("prometheus").get("volumes")).contains(
                "./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro"), "Prometheus reads the repository's config");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGrafanaDashboardChartsTheDocumentedMetricsFromTheProvisionedPrometheus() throws IOException {
        Map<String, Object> datasource = ((List<Map<String, Object>>) yaml(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml"))
                .get("datasources")).get(0);
        Map<String, Object> dashboard = yaml(DEPLOY.resolve("grafana/dashboards/pipeline.json"));
        String metricsDoc = Files.readString(ROOT.resolve("docs/metrics.md"));
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertFalse(panels.isEmpty());
        Set<String> charted = new HashSet<>();
        for (Map<String, Object> panel : panels) {
            assertEquals(datasource.get("uid"), ((Map<String, Object>) panel.get("datasource")).get("uid"), "panel " + panel.get("title"));
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                Matcher metric = METRIC.matcher((String) target.get("expr"));
                while (metric.find()) {
                    charted.add(metric.group());
                }
            }
        }
        assertEquals(Set.of(), charted.stream().filter(name -> !metricsDoc.contains("`" + name + "`")).collect(Collectors.toSet()),
                "every metric the dashboard charts is one docs/metrics.md lists");
        assertTrue(charted.containsAll(Set.of("listening_producer_acknowledged_total", "listening_streamer_rows_stored_total",
                "listening_streamer_kafka_lag_records", "listening_streamer_freshness_seconds")), "charted: " + charted);
    }

    private static List<String> command(Map<String, Object> service) {
        return ((List<?>) service.get("command")).stream().map(String::valueOf).toList();
    }

    /** The value of {@code option} in a command line. */
    private static String after(List<String> command, String option) {
        int at = command.indexOf(option);
        assertTrue(at >= 0 && at + 1 < command.size(), option + " in " + command);
        return command.get(at + 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(file));
    }

    @Test
    void composePublishesPortsOnTheHostsLoopbackOnly() throws IOException {
        Map<String, List<Object>> published = new TreeMap<>();
        services().forEach((name, service) -> {
            assertNotEquals("host", service.get("network_mode"), name + " would share the host's network");
            published.put(name, portsOf(service));
        });
        assertTrue(published.get("kafka").contains(LOOPBACK + ":9092:9092"), "kafka publishes " + published.get("kafka"));
        Map<String, List<Object>> open = new TreeMap<>(published);
        open.replaceAll((name, ports) -> ports.stream().filter(port -> !onLoopback(port)).toList());
        open.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), open, "published on every interface of the host; write \"" + LOOPBACK + ":HOST:CONTAINER\"");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> portsOf(Map<String, Object> service) {
        return (List<Object>) service.getOrDefault("ports", List.of());
    }

    /** The short syntax ("127.0.0.1:9092:9092") or the long one (host_ip: 127.0.0.1). */
    private static boolean onLoopback(Object port) {
        return port instanceof Map<?, ?> longSyntax ? LOOPBACK.equals(longSyntax.get("host_ip"))
                : port.toString().startsWith(LOOPBACK + ":");
    }

    @Test
    void vagrantfileValidates() throws Exception {
        assumeTrue(onPath("vagrant"), "vagrant is not installed");
        // Without a provider (no VirtualBox here) plain validate stops at "no usable default provider"
        // before reading the file; --ignore-provider still checks everything but the provider block.
        Result result = run(List.of("vagrant", "validate", "--ignore-provider"));
        assertEquals(0, result.exitCode(), result.output());
    }

    /** The services of docker-compose.yml, anchors and merge keys resolved as docker-compose resolves them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    private static boolean onPath(String tool) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), command + " did not finish");
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}

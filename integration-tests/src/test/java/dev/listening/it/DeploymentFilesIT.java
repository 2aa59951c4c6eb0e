package dev.listening.it;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docker-compose.yml and the Vagrantfile cannot run here (no Docker daemon, no VM), but their own
 * validators can read them: a file that does not validate fails the build. Where a validator is not
 * installed (.ci/run installs both) the test is reported as skipped, never passed. What the compose
 * file promises beyond being valid (the pom's service versions, ports open to this host only) is read
 * from it directly.
 */
class DeploymentFilesIT {
    private static final Path ROOT = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    private static final String LOOPBACK = "127.0.0.1";

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
                .allMatch(l -> l.matches(".*:[0-9][^:]*$")), "every image is pinned to a version");
    }

    @Test
    void composeRunsTheKafkaAndCassandraVersionsOfThePoms() throws IOException {
        Set<String> images = services().values().stream()
                .filter(service -> !service.containsKey("build"))
                .map(service -> (String) service.get("image"))
                .collect(Collectors.toSet());
        assertEquals(Set.of(ServiceVersions.kafkaImage(), ServiceVersions.cassandraImage()), images,
                "images not built from this project must carry the parent pom's kafka.version and cassandra.version");
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

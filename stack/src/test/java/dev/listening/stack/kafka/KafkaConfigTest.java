package dev.listening.stack.kafka;

import dev.listening.stack.net.HostPort;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaConfigTest {
    private final KafkaConfig config = new KafkaConfig(new HostPort("127.0.0.1", 19092), 19093, Path.of("/data/kafka"));

    @Test
    void oneNodeIsBrokerAndOnlyControllerOnTheConfiguredPorts() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(config.configuration()));
        assertEquals("broker,controller", p.getProperty("process.roles"));
        assertEquals("1", p.getProperty("node.id"));
        assertEquals("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093", p.getProperty("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:19092", p.getProperty("advertised.listeners"));
        assertEquals("127.0.0.1:19093", p.getProperty("controller.quorum.bootstrap.servers"));
        assertEquals("/data/kafka/kafka-logs", p.getProperty("log.dirs"));
    }

    @Test
    void everyReplicationFactorIsOne() throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(config.configuration()));
        List<String> factors = p.stringPropertyNames().stream()
                .filter(name -> name.endsWith("replication.factor") || name.endsWith("min.isr")).sorted().toList();
        assertEquals(6, factors.size(), factors.toString());
        factors.forEach(name -> assertEquals("1", p.getProperty(name), name));
        assertEquals(null, p.getProperty("min.insync.replicas"), "the broker's default, 1");
    }

    @Test
    void formatsStandaloneWithTheGivenClusterId() {
        assertEquals(List.of("format", "-t", "abc", "-c", "/data/kafka/server.properties", "--standalone"),
                config.formatArguments("abc"));
        assertEquals(Path.of("/data/kafka/kafka-logs/meta.properties"), config.metaProperties());
        assertEquals(Path.of("/data/kafka/cluster.id"), config.clusterIdFile());
    }

    @Test
    void heapIsHalfAGigabyte() {
        assertTrue(config.jvmOptions().contains("-Xmx512m"));
        assertEquals(List.of("/data/kafka/server.properties"), config.arguments());
    }
}

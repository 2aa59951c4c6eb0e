package dev.listening.stack.cassandra;

import dev.listening.stack.net.HostPort;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CassandraConfigTest {
    private final CassandraConfig config = new CassandraConfig(new HostPort("127.0.0.1", 19042), 17000, Path.of("/data/cassandra"));

    @Test
    void yamlListensOnTheConfiguredPortsAndSeedsItself() {
        List<String> yaml = config.configuration().lines().map(String::strip).toList();
        assertTrue(yaml.contains("native_transport_port: 19042"), yaml.toString());
        assertTrue(yaml.contains("storage_port: 17000"), yaml.toString());
        assertTrue(yaml.contains("- seeds: \"127.0.0.1:17000\""), yaml.toString());
        assertTrue(yaml.contains("listen_address: 127.0.0.1"), yaml.toString());
        assertTrue(yaml.contains("rpc_address: 127.0.0.1"), yaml.toString());
    }

    @Test
    void jvmHasTheJava17ModuleOptionsAndAtMostAGigabyteOfHeap() {
        List<String> options = config.jvmOptions();
        assertEquals(9, options.stream().filter(o -> o.startsWith("--add-exports=")).count());
        assertEquals(14, options.stream().filter(o -> o.startsWith("--add-opens=")).count());
        assertTrue(options.contains("-Xmx1G"));
        assertTrue(options.contains("-Dcassandra.config=file:///data/cassandra/cassandra.yaml"), options.toString());
        assertTrue(options.contains("-Dlogback.configurationFile=file:///data/cassandra/logback.xml"), options.toString());
        assertTrue(options.contains("-Dcassandra.storagedir=/data/cassandra/data"), options.toString());
    }

    @Test
    void logsWarningsOnly() {
        assertTrue(config.logback().contains("<root level=\"WARN\">"));
    }
}

package dev.listening.stack.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceProcessTest {
    private static final String MARKER = "/work/.pipeline/kafka/";

    @Test
    void aJavaWhoseArgumentsNameTheServiceDirectoryIsTheService() {
        assertTrue(ServiceProcess.isServiceJvm(
                List.of("/usr/lib/jvm/bin/java", "-Xmx512m", "-cp", "x.jar", "kafka.Kafka", MARKER + "server.properties"), MARKER));
    }

    @Test
    void aReusedPidIsNotTheService() {
        assertFalse(ServiceProcess.isServiceJvm(List.of("/usr/bin/sleep", MARKER + "server.properties"), MARKER));
        assertFalse(ServiceProcess.isServiceJvm(List.of("/usr/lib/jvm/bin/java", "-jar", "other.jar"), MARKER));
        assertFalse(ServiceProcess.isServiceJvm(
                List.of("/usr/lib/jvm/bin/java", "kafka.Kafka", "/work/.pipeline/cassandra/server.properties"), MARKER));
        assertFalse(ServiceProcess.isServiceJvm(List.of(), MARKER));
    }

    @Test
    void thisJvmIsNotFoundAsAService() {
        assertTrue(ServiceProcess.find(ProcessHandle.current().pid(), MARKER).isEmpty());
    }

    @Test
    void tailKeepsTheLastLines(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("kafka.log");
        Files.writeString(log, IntStream.rangeClosed(1, 100).mapToObj(i -> "line " + i).collect(Collectors.joining("\n", "", "\n")));
        assertEquals(List.of("line 98", "line 99", "line 100"), ServiceProcess.tail(log, 3));
        assertEquals(List.of(), ServiceProcess.tail(dir.resolve("missing.log"), 3));
    }
}

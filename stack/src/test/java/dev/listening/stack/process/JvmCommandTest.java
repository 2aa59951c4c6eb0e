package dev.listening.stack.process;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JvmCommandTest {
    private final JvmCommand command = new JvmCommand(Path.of("/jdk/bin/java"), List.of("-Xmx512m"), "a.jar:b.jar",
            "kafka.Kafka", List.of("server.properties"));

    @Test
    void optionsComeBeforeTheClasspathAndArgumentsAfterTheMainClass() {
        assertEquals(List.of("/jdk/bin/java", "-Xmx512m", "-cp", "a.jar:b.jar", "kafka.Kafka", "server.properties"), command.argv(null));
    }

    @Test
    void extraOptionsFollowTheCommandsOwnSoTheyCanOverrideThem() {
        assertEquals(List.of("/jdk/bin/java", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xmx1g", "-cp", "a.jar:b.jar", "kafka.Kafka",
                "server.properties"), command.argv("  -XX:TieredStopAtLevel=1 \t -Xmx1g "));
        assertEquals(command.argv(null), command.argv(" "));
    }

    @Test
    void detachedRunsTheSameCommandInANewSession() {
        List<String> detached = command.detachedArgv();
        assertEquals("setsid", detached.get(0));
        assertEquals(command.argv(), detached.subList(1, detached.size()));
    }

    @Test
    void theDescriptionLeavesTheClasspathOut() {
        assertTrue(command.describe().startsWith("/jdk/bin/java -Xmx512m "), command.describe());
        assertTrue(command.describe().endsWith(" -cp <2 jars> kafka.Kafka server.properties"), command.describe());
    }

    @Test
    void currentJavaIsAnExecutable() {
        assertTrue(Files.isExecutable(JvmCommand.currentJava()));
    }
}

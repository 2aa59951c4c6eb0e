package dev.listening.stack.process;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeClasspathTest {
    @TempDir
    Path root;

    @Test
    void missingFileTellsToBuild() {
        UserError error = assertThrows(UserError.class, () -> RuntimeClasspath.read(root, "kafka"));
        assertTrue(error.getMessage().startsWith("stack/runtimes/kafka/target/classpath.txt is missing: build"), error.getMessage());
        assertTrue(error.getMessage().contains("mvn"), error.getMessage());
    }

    @Test
    void readsTheClasspathTheBuildWrote() throws IOException {
        Path a = Files.createFile(root.resolve("a.jar"));
        Path b = Files.createFile(root.resolve("b.jar"));
        write(a + File.pathSeparator + b + "\n");
        assertEquals(a + File.pathSeparator + b, RuntimeClasspath.read(root, "cassandra"));
    }

    @Test
    void aJarThatIsGoneTellsToRebuild() throws IOException {
        write(root.resolve("gone.jar").toString());
        UserError error = assertThrows(UserError.class, () -> RuntimeClasspath.read(root, "cassandra"));
        assertTrue(error.getMessage().contains("gone.jar, which does not exist: rebuild"), error.getMessage());
    }

    private void write(String classpath) throws IOException {
        Path file = RuntimeClasspath.file(root, "cassandra");
        Files.createDirectories(file.getParent());
        Files.writeString(file, classpath);
    }
}

package dev.listening.stack.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

class SparkRuntimeTest {
    @TempDir
    Path root;

    @Test
    void aCheckoutThatWasNotBuiltSaysHowToBuildIt() {
        SparkRuntime runtime = new SparkRuntime(root, root.resolve(".pipeline"));

        assertTrue(assertThrows(UserError.class, runtime::classpath).getMessage().contains("mvn -B -q install -DskipTests"));
        assertTrue(assertThrows(UserError.class, runtime::streamerJar).getMessage().contains("streamer-*-job.jar"));
    }

    @Test
    void findsTheSparkClasspathAndTheJobJar() throws IOException {
        Path classpathFile = root.resolve("stack/runtimes/spark/target/classpath.txt");
        Files.createDirectories(classpathFile.getParent());
        Path core = Files.createFile(root.resolve("spark-core.jar"));
        Path scala = Files.createFile(root.resolve("scala-library.jar"));
        Files.writeString(classpathFile, core + ":" + scala + "\n");
        Files.createDirectories(root.resolve("streamer/target"));
        Path jar = Files.createFile(root.resolve("streamer/target/streamer-1.0.0-SNAPSHOT-job.jar"));
        Files.createFile(root.resolve("streamer/target/streamer-1.0.0-SNAPSHOT.jar"));
        SparkRuntime runtime = new SparkRuntime(root, root.resolve(".pipeline"));

        assertEquals(core + ":" + scala, runtime.classpath());
        assertEquals(jar, runtime.streamerJar());
    }

    @Test
    void theLog4jConfigurationAndScratchDirectoryLiveUnderPipelineHome() throws IOException {
        Path home = root.resolve(".pipeline");
        SparkRuntime runtime = new SparkRuntime(root, home);

        Path config = runtime.log4jConfig();

        assertEquals(home.resolve("spark/log4j2.xml"), config);
        try (InputStream resource = getClass().getClassLoader().getResourceAsStream("dev/listening/stack/spark/log4j2.xml")) {
            assertArrayEquals(resource.readAllBytes(), Files.readAllBytes(config));
        }
        assertTrue(Files.isDirectory(runtime.tmpDir()));
        assertTrue(runtime.tmpDir().startsWith(home));
    }
}

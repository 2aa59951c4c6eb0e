package dev.listening.it;

import dev.listening.stack.net.Ports;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ./pipeline demo as a user runs it, here on the fixture's stack (which it finds running and leaves up). */
class DemoIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();

    @Test
    void demoStoresEveryEventAndWritesTheThreeOutputs() throws Exception {
        Path out = Files.createTempDirectory(STACK.workDir(), "demo-output");
        int dashboardPort = Ports.free(1).get(0);
        ProcessResult demo = STACK.runPipeline(Duration.ofMinutes(8), "demo", "--events", "200", "--rate", "100",
                "--topic", STACK.newTopic("demo", 1), "--keyspace", STACK.newKeyspace("demo"), "--out-dir", out.toString(),
                "--dashboard=" + dashboardPort);

        assertEquals(0, demo.exitCode(), demo.stderr());
        assertTrue(demo.stdout().contains("events produced   200"), demo.stdout());
        assertTrue(demo.stdout().contains("rows stored       200"), demo.stdout());
        assertTrue(demo.stdout().contains("every event stored exactly once"), demo.stdout());
        assertTrue(demo.stdout().contains("dashboard: http://127.0.0.1:" + dashboardPort + "/"), demo.stdout());
        for (String name : new String[] {"output_full.txt", "output_simple.txt", "output_agg.txt"}) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        assertTrue(Files.readString(out.resolve("output_simple.txt")).contains("name = 'Ada Lovelace'"));
        assertEquals(0, STACK.runPipeline("status").exitCode(), "the demo leaves a stack it did not start running");
    }
}

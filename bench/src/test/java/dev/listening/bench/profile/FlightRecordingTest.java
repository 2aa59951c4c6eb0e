package dev.listening.bench.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlightRecordingTest {
    private static final Duration BUSY = Duration.ofSeconds(2);

    /** This JVM, profiled through jcmd as a benchmark profiles a service, while it does little but match a pattern. */
    @Test
    void profilesAJvmThroughJcmdAndSharesItsCpuOutByStage(@TempDir Path dir) throws Exception {
        FlightRecording recording = FlightRecording.start("test JVM", ProcessHandle.current().pid(), dir.resolve("test.jfr"));
        matchFor(BUSY);
        CpuBudget budget = recording.stop(Stages.STREAMER, 200_000);

        assertTrue(Files.size(recording.file()) > 0, "the recording was written");
        assertTrue(budget.cpu().compareTo(Duration.ofMillis(500)) > 0, "CPU time over the window: " + budget.cpu());
        assertTrue(budget.totalSamples() > 20, "samples: " + budget.samples());
        assertTrue(budget.share("validation: event_id pattern") > 0.5, "mostly matching: " + budget.samples());
        assertEquals(budget.cpu().toNanos() / 1e9 / 2, budget.cpuSecondsPer100kRows(), 1e-9);
    }

    @Test
    void aStagesCpuIsItsShareOfTheProcesss() {
        CpuBudget budget = new CpuBudget("p", Duration.ofSeconds(30), 300_000, Map.of("a", 3L, "b", 1L));

        assertEquals(10.0, budget.cpuSecondsPer100kRows(), 1e-9);
        assertEquals(7.5, budget.cpuSecondsPer100kRows("a"), 1e-9);
        assertEquals(0.0, budget.share("c"), 1e-9);
    }

    /** Java code the sampler sees (native code, such as zlib's inflate, it does not). */
    private static void matchFor(Duration duration) {
        Pattern uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        long end = System.nanoTime() + duration.toNanos();
        long matched = 0;
        while (System.nanoTime() < end) {
            if (uuid.matcher(UUID.randomUUID().toString()).matches()) {
                matched++;
            }
        }
        assertTrue(matched > 0);
    }
}

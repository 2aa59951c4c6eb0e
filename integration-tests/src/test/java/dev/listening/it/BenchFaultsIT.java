package dev.listening.it;

import dev.listening.bench.Fault;
import dev.listening.bench.Faults;
import dev.listening.bench.FaultsReport;
import dev.listening.contract.StreamerOptions;
import dev.listening.stack.ProjectRoot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bench faults --quick: six SIGKILLs of each kind (the job, the Cassandra node, the Kafka broker) at
 * seeded random moments while a producer runs, on a stack of the benchmark's own. Every fault is
 * survived and every record stored exactly once, the rollups equal to the history. A class of its own,
 * the suite's longest test, so that the other test JVM runs the rest beside it.
 */
class BenchFaultsIT {
    private static final Path ROOT = ProjectRoot.get();
    private static final Path RUN_DIR = RunDirs.fresh("bench-faults");
    private static final Duration RECOVERY = Duration.ofMinutes(5);

    @AfterAll
    static void nothingLeftRunning() {
        RunDirs.removeWithServices(RUN_DIR);
    }

    @Test
    void sixFaultsOfEveryKindAtRandomMomentsLoseAndDoubleNothing() throws Exception {
        FaultsReport report = new Faults(new Faults.Settings(ROOT, RunDirs.home(RUN_DIR),
                ROOT.resolve(StreamerOptions.DEFAULT_SONGS), "local[2]", RUN_DIR, 5_000, 18, 42, 200,
                Duration.ofSeconds(1), Duration.ofSeconds(4), RECOVERY, false)).measure();

        String summary = String.join("\n", report.lines());
        assertEquals(List.of(Fault.STREAMER, Fault.CASSANDRA, Fault.KAFKA), report.targets().kinds(), "a one-node stack's kinds");
        for (Fault fault : report.targets().kinds()) {
            assertEquals(6, report.survived(fault), fault.what() + "\n" + summary);
        }
        assertNull(report.problem(), summary);
        assertEquals(0, report.produced().failed(), summary);
        assertEquals(report.produced().acknowledged(), report.verdict().records(), summary);
        assertEquals(report.verdict().records(), report.verdict().stored(), summary);
        assertTrue(report.verdict().passed(), summary);
        assertEquals(0, report.rollupMismatches(), summary);
        assertTrue(report.passed(), summary);
    }
}

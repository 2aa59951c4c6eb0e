package dev.listening.cli.bench;

import dev.listening.bench.BenchSuite;
import dev.listening.contract.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchAllTest {
    @TempDir
    Path out;

    @Test
    void badSizesAreRefusedBeforeAnythingRuns() {
        for (String[] sizes : List.of(new String[] {"--streamer-records", "299999"}, new String[] {"--quick", "--query-runs", "0"},
                new String[] {"--e2e-duration", "0s"}, new String[] {"--producer-records", "-1"})) {
            String[] args = Stream.concat(Stream.of(sizes), Stream.of("--out-dir", out.resolve("bench").toString()))
                    .toArray(String[]::new);

            assertEquals(1, Cli.execute(new BenchAll(), args), String.join(" ", sizes));
            assertFalse(Files.exists(out.resolve("bench")), "nothing written for " + String.join(" ", sizes));
        }
    }

    @Test
    void theStackAndStreamerOptionsReachTheSuiteAsGiven() {
        BenchAll all = new BenchAll();
        new CommandLine(all).parseArgs("--bootstrap", "k:1", "--cassandra", "c:2", "--datacenter", "dc2",
                "--master", "local[1]", "--songs", "/s.csv", "--home", "/h", "--quick", "--query-runs", "7");

        BenchSuite.Settings settings = all.settings();

        assertEquals("k:1", settings.bootstrap());
        assertEquals("c:2", settings.cassandra());
        assertEquals("dc2", settings.datacenter());
        assertEquals("local[1]", settings.master());
        assertEquals(Path.of("/s.csv"), settings.songs());
        assertEquals(Path.of("/h"), settings.home());
        assertTrue(settings.quick());
        assertEquals(7, settings.queryRuns());
        assertNull(settings.producerRecords());
    }
}

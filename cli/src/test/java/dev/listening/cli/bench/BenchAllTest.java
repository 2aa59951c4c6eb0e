package dev.listening.cli.bench;

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
    void theStackAndStreamerOptionsReachEachBenchmarkAsGiven() {
        BenchAll all = new BenchAll();
        new CommandLine(all).parseArgs("--bootstrap", "k:1", "--cassandra", "c:2", "--datacenter", "dc2",
                "--master", "local[1]", "--songs", "/s.csv", "--home", "/h");

        StreamerBench streamer = BenchAll.configured(new StreamerBench(), Stream.of(all.services.args(), all.job.args()));
        QueryBench queries = BenchAll.configured(new QueryBench(), Stream.of(all.services.cassandra.args(), all.job.songs.args()));

        assertEquals("k:1", streamer.services.bootstrap());
        assertEquals("c:2", streamer.services.cassandra());
        assertEquals("dc2", streamer.services.datacenter());
        assertEquals("local[1]", streamer.job.master());
        assertEquals(Path.of("/s.csv"), streamer.job.songs());
        assertEquals(Path.of("/h"), streamer.job.home(Path.of("/root")));
        assertEquals("c:2", queries.cassandra.cassandra());
        assertEquals("dc2", queries.cassandra.datacenter());
        assertEquals(Path.of("/s.csv"), queries.songs.songs());
    }
}

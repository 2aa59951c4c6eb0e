package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

class RecoveriesTest {
    @TempDir
    Path checkpoint;

    @Test
    void aFaultIsRecoveredFromAtTheFirstCommitAfterItsKillAndNotBefore() throws IOException {
        Path commits = Files.createDirectories(checkpoint.resolve("commits"));
        Files.createFile(commits.resolve("3"));
        try (Recoveries recoveries = new Recoveries(checkpoint, Duration.ofHours(1))) {
            Instant kill = Instant.now().minusSeconds(5);
            recoveries.killed(Fault.CASSANDRA, kill);
            recoveries.killed(Fault.STREAMER, kill);
            recoveries.check();
            assertEquals(2, recoveries.pending(), "batch 3 was committed before the kills");

            Files.createFile(commits.resolve("4"));
            recoveries.check();

            assertEquals(0, recoveries.pending());
            List<FaultsReport.Recovery> recovered = recoveries.recovered();
            assertEquals(List.of(Fault.CASSANDRA, Fault.STREAMER), recovered.stream().map(FaultsReport.Recovery::fault).toList());
            assertTrue(recovered.get(0).took().compareTo(Duration.ofSeconds(5)) >= 0, recovered.toString());
        }
    }

    @Test
    void aKillBeforeTheFirstCommitIsRecoveredFromAtTheFirstCommit() throws IOException {
        try (Recoveries recoveries = new Recoveries(checkpoint, Duration.ofHours(1))) {
            recoveries.killed(Fault.KAFKA, Instant.now());
            recoveries.check();
            assertEquals(1, recoveries.pending());

            Files.createFile(Files.createDirectories(checkpoint.resolve("commits")).resolve("0"));
            recoveries.check();

            assertEquals(0, recoveries.pending());
        }
    }
}

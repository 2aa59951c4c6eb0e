package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

class CheckpointsTest {
    @TempDir
    Path checkpoint;

    @Test
    void theNewestCommitIsTheLargestBatchNumberAmongTheCommitFiles() throws IOException {
        Path commits = Files.createDirectories(checkpoint.resolve("commits"));
        for (String name : new String[] {"0", "1", "10", "9", ".10.crc", ".11.0f3a.tmp", "..11.0f3a.tmp.crc"}) {
            Files.createFile(commits.resolve(name));
        }

        assertEquals(OptionalLong.of(10), Checkpoints.lastCommitted(checkpoint));
    }

    @Test
    void aCheckpointWithoutCommitsHasNone() throws IOException {
        assertEquals(OptionalLong.empty(), Checkpoints.lastCommitted(checkpoint));
        Files.createDirectories(checkpoint.resolve("commits"));
        assertEquals(OptionalLong.empty(), Checkpoints.lastCommitted(checkpoint));
    }
}

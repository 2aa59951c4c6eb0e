package dev.listening.cql.output;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutputFilesTest {
    @Test
    void replacesTheFileAndLeavesNothingElse(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("output/output_agg.txt");
        OutputFiles.replace(target, "first");
        OutputFiles.replace(target, "second, ünïcode");
        assertEquals("second, ünïcode", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("output_simple.txt");
        Files.createDirectories(target.resolve("in-the-way"));
        assertThrows(UserError.class, () -> OutputFiles.replace(target, "new"));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
        try (var files = Files.list(target)) {
            assertEquals(List.of(target.resolve("in-the-way")), files.toList());
        }
    }
}

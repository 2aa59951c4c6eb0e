package dev.listening.cql.output;

import dev.listening.contract.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Output files are replaced whole or not at all, so a failed run never leaves a half-written result. */
public final class OutputFiles {
    private OutputFiles() {
    }

    /** Writes a temporary file next to the target, then renames it over the target in one step. */
    public static Path replace(Path target, String content) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = directory.resolve("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(directory);
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            return Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new UserError("cannot write " + target + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}

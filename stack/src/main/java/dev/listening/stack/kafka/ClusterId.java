package dev.listening.stack.kafka;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The id a KRaft storage is formatted with, kept in a file: the nodes of a ring are formatted at once and
 * must all get the same one, so the first to come writes it and the others read it.
 */
final class ClusterId {
    private ClusterId() {
    }

    /** The id in {@code file}, written there first (a new random one) when the file does not exist. */
    static String ensure(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Path candidate = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
                Files.writeString(candidate, Uuid.randomUuid() + "\n");
                try {
                    // a link appears with its content, and fails when another node's id got there first
                    Files.createLink(file, candidate);
                } catch (FileAlreadyExistsException e) {
                    // another node wrote its id first: that one counts
                } finally {
                    Files.delete(candidate);
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

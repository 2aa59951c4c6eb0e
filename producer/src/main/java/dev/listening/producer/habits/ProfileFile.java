package dev.listening.producer.habits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import dev.listening.contract.UserError;
import dev.listening.producer.listeners.Listener;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Listener profiles into one JSON array, written as they are made, so a million fit in little memory. */
public final class ProfileFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProfileFile() {
    }

    /** Writes every listener's {@link Profile} to {@code path}; returns how many. */
    public static long write(List<Listener> listeners, Path path) {
        Path parent = path.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path));
                 SequenceWriter array = MAPPER.writerFor(Profile.class).writeValuesAsArray(out)) {
                for (Listener listener : listeners) {
                    array.write(Profile.of(listener));
                }
            }
            return listeners.size();
        } catch (IOException e) {
            throw new UserError("cannot write " + path + ": " + e.getMessage(), e);
        }
    }
}

package dev.listening.producer.file;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.UserError;
import dev.listening.producer.events.EventSource;
import dev.listening.producer.events.WireEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Replays a file of {@link EventFileWriter}: each line is sent as it is, byte for byte, keyed by
 * its user_id; its ts paces the replay. A line that is not an event stops the replay with a
 * {@link UserError} naming it.
 */
public final class EventFileReader implements EventSource {
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final BufferedReader lines;
    private long lineNumber;

    public EventFileReader(Path path) {
        this.path = path;
        try {
            this.lines = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(path), BUFFER), StandardCharsets.UTF_8), BUFFER);
        } catch (NoSuchFileException e) {
            throw new UserError("events file not found: " + path.toAbsolutePath(), e);
        } catch (ZipException e) {
            throw new UserError(path + " is not a gzip file (write one with --out FILE.jsonl.gz)", e);
        } catch (IOException e) {
            throw new UserError("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public WireEvent next() {
        String line;
        try {
            line = lines.readLine();
        } catch (IOException e) {
            throw new UserError("cannot read " + path + " after line " + lineNumber + ": " + e.getMessage(), e);
        }
        if (line == null) {
            return null;
        }
        lineNumber++;
        byte[] json = line.getBytes(StandardCharsets.UTF_8);
        ListeningEvent event;
        try {
            event = EventJson.fromBytes(json);
        } catch (IOException e) {
            throw new UserError("line " + lineNumber + " of " + path + " is not an event: " + e.getMessage(), e);
        }
        if (event.userId() == null || event.ts() <= 0) {
            throw new UserError("line " + lineNumber + " of " + path + " has no user_id or ts");
        }
        return new WireEvent(event.userId(), event.ts(), json);
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UserError("cannot close " + path + ": " + e.getMessage(), e);
        }
    }
}

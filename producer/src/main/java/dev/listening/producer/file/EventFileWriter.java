package dev.listening.producer.file;

import dev.listening.contract.UserError;
import dev.listening.producer.events.EventSink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Events into a gzip-compressed JSON-lines file (the same JSON as on the topic, one event a line)
 * instead of Kafka. Java's gzip header carries no time stamp, so the same events make the same bytes.
 * A write that fails is a {@link UserError}: a full disk is not a reason for a stack trace.
 */
public final class EventFileWriter implements EventSink {
    private static final int BUFFER = 1 << 16;

    private final Path path;
    private final OutputStream out;
    private long sent;

    public EventFileWriter(Path path) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(path), BUFFER), BUFFER);
        } catch (IOException e) {
            throw new UserError("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void send(String key, byte[] json) {
        try {
            out.write(json);
            out.write('\n');
            sent++;
        } catch (IOException e) {
            throw new UserError("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UserError("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long sent() {
        return sent;
    }

    /** A line is acknowledged once written: a failed write ends the run instead. */
    @Override
    public long acknowledged() {
        return sent;
    }

    @Override
    public long failed() {
        return 0;
    }

    @Override
    public Exception firstFailure() {
        return null;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UserError("cannot finish " + path + ": " + e.getMessage(), e);
        }
    }
}

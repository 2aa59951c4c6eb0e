package dev.listening.dashboard.live;

import dev.listening.contract.metrics.BatchMetrics;
import dev.listening.contract.metrics.MetricsFile;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows the streamer's metrics file: each call returns the complete lines appended since the last,
 * so the file is read once however long it grows. A line still being written waits for its newline;
 * a file that shrank (deleted and started again) is read from its start.
 */
public final class MetricsTail {
    private final Path file;
    private long position;
    private byte[] partial = new byte[0];

    public MetricsTail(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The records appended since the last call; none while the file does not exist. */
    public List<BatchMetrics> next() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            if (size < position) {
                position = 0;
                partial = new byte[0];
            }
            byte[] appended = new byte[Math.toIntExact(size - position)];
            in.seek(position);
            in.readFully(appended);
            position = size;
            return lines(appended);
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<BatchMetrics> lines(byte[] appended) {
        byte[] text = new byte[partial.length + appended.length];
        System.arraycopy(partial, 0, text, 0, partial.length);
        System.arraycopy(appended, 0, text, partial.length, appended.length);
        List<BatchMetrics> records = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\n') {
                String line = new String(text, start, i - start, StandardCharsets.UTF_8);
                if (!line.isBlank()) {
                    records.add(MetricsFile.parse(line));
                }
                start = i + 1;
            }
        }
        partial = Arrays.copyOfRange(text, start, text.length);
        return records;
    }
}

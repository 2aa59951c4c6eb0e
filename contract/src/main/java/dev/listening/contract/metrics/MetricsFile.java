package dev.listening.contract.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** The streamer's metrics file: JSON lines, one {@link BatchMetrics} each, appended as the job runs. */
public final class MetricsFile {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MetricsFile() {
    }

    /** Creates the file (and its directory) if missing: the job does so when its query starts. */
    public static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.write(file, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Appends one line; {@link #read} skips a last line without its newline, one still being written. */
    public static void append(Path file, BatchMetrics metrics) throws IOException {
        Files.writeString(file, toJson(metrics) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    public static String toJson(BatchMetrics metrics) {
        try {
            return MAPPER.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every complete line of the file; none when it does not exist (yet). */
    public static List<BatchMetrics> read(Path file) {
        String text;
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<BatchMetrics> records = new ArrayList<>();
        int end = text.lastIndexOf('\n');
        for (String line : text.substring(0, end + 1).split("\n")) {
            if (!line.isBlank()) {
                records.add(parse(line));
            }
        }
        return records;
    }

    /** One line of the file. */
    public static BatchMetrics parse(String line) {
        try {
            return MAPPER.readValue(line, BatchMetrics.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not a metrics line: " + line, e);
        }
    }
}

package dev.listening.contract.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

class MetricsFileTest {
    private static final BatchMetrics BATCH = new BatchMetrics("2024-05-01T12:00:03Z", "run-1", 7, false, 1000, 990, 10, 3, 1,
            2500, 400.0, 12L, 1.5, 6L, null, 4.0, 0, "2024-05-01T12:00:01Z", 2.0, 0, 0);
    private static final BatchMetrics IDLE = new BatchMetrics("2024-05-01T12:00:13Z", "run-1", 7, true, 0, 0, 0, 0, 0,
            0, 0, 0L, 0.0, 7L, null, 0.0, 0, "2024-05-01T12:00:01Z", 12.0, 0, 0);

    @Test
    void linesReadBackAsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/metrics.jsonl");
        MetricsFile.create(file);
        assertEquals(List.of(), MetricsFile.read(file));

        MetricsFile.append(file, BATCH);
        MetricsFile.append(file, IDLE);

        assertEquals(List.of(BATCH, IDLE), MetricsFile.read(file));
    }

    @Test
    void fieldsAreSnakeCaseAndUnknownOnesAreIgnored() {
        String json = MetricsFile.toJson(BATCH);
        assertTrue(json.contains("\"rows_stored\":990"), json);
        assertTrue(json.contains("\"kafka_lag_seconds\":1.5"), json);
        assertTrue(json.contains("\"freshness_seconds\":2.0"), json);

        assertEquals(BATCH, MetricsFile.parse(json.replace("{", "{\"added_later\":1,")));
    }

    @Test
    void aLineStillBeingWrittenIsNotReadYet(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        MetricsFile.append(file, BATCH);
        String half = MetricsFile.toJson(IDLE).substring(0, 20);
        Files.writeString(file, half, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertEquals(List.of(BATCH), MetricsFile.read(file));
    }

    @Test
    void aMissingFileHasNoLines(@TempDir Path dir) {
        assertEquals(List.of(), MetricsFile.read(dir.resolve("none.jsonl")));
    }
}

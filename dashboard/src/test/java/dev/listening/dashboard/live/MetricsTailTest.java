package dev.listening.dashboard.live;

import dev.listening.contract.metrics.BatchMetrics;
import dev.listening.contract.metrics.MetricsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

public class MetricsTailTest {
    @TempDir
    Path dir;

    public static BatchMetrics batch(long id, long stored) {
        return new BatchMetrics("2025-03-14T20:00:0" + id + "Z", "run", id, false, stored, stored, 0, 0, 0, 100, 10.0,
                0L, 0.0, null, null, 0.0, 0, "2025-03-14T20:00:00Z", 1.0, 0, 0);
    }

    @Test
    void aMissingFileHasNoRecordsYet() {
        assertEquals(List.of(), new MetricsTail(dir.resolve("none.jsonl")).next());
    }

    @Test
    void eachCallReturnsOnlyTheCompleteLinesAppendedSinceTheLast() throws IOException {
        Path file = dir.resolve("m.jsonl");
        MetricsTail tail = new MetricsTail(file);
        MetricsFile.append(file, batch(1, 10));
        MetricsFile.append(file, batch(2, 20));
        assertEquals(List.of(batch(1, 10), batch(2, 20)), tail.next());
        assertEquals(List.of(), tail.next());

        String third = MetricsFile.toJson(batch(3, 30));
        Files.writeString(file, third.substring(0, 25), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(List.of(), tail.next(), "a line without its newline is still being written");
        Files.writeString(file, third.substring(25) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertEquals(List.of(batch(3, 30)), tail.next());
    }

    @Test
    void aFileStartedAgainIsReadFromItsStart() throws IOException {
        Path file = dir.resolve("m.jsonl");
        MetricsTail tail = new MetricsTail(file);
        MetricsFile.append(file, batch(1, 10));
        MetricsFile.append(file, batch(2, 20));
        tail.next();
        Files.delete(file);
        MetricsFile.append(file, batch(5, 7));
        assertEquals(List.of(batch(5, 7)), tail.next());
    }
}

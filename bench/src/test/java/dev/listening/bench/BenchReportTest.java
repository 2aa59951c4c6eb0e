package dev.listening.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchReportTest {
    private static final Machine MACHINE = new Machine(2, 24L << 30, 3.5, "OpenJDK 17", "Linux 6.1 amd64",
            Map.of("Kafka", "4.3.1"));

    @Test
    void theTableHasARowPerMeasureWithSixCellsAndTheVerdictCountsTheTargetsMet() {
        BenchReport report = new BenchReport(Instant.parse("2026-11-23T19:00:00.123Z"), Duration.ofSeconds(125), "quick",
                "Kafka 127.0.0.1:9092", MACHINE, List.of(
                        Measure.ratio("producer", 70_000, 70_000, "events/s", 1.0),
                        Measure.ratio("streamer", 5_000, 10_000, "rows/s", 0.7),
                        Measure.shown("kafka ready", 3, "s"),
                        Measure.failed("demo", "no stack")),
                Map.of("producer-rate.png", "producer rate"), Map.of("producer.md", "rounds"));

        List<String> lines = report.lines();

        int header = lines.indexOf(BenchReport.TABLE_HEADER);
        List<String> rows = lines.subList(header + 2, header + 6);
        rows.forEach(row -> assertEquals(7, row.split("(?<!\\\\)\\|", -1).length - 1, row));
        assertEquals("", lines.get(header + 6));
        assertTrue(lines.contains("**1 of 2 targets met.** 1 benchmark(s) failed to run."), String.join("\n", lines));
        assertTrue(lines.contains("- date: 2026-11-23T19:00:00Z (quick run, 2 min 05 s)"), String.join("\n", lines));
        assertTrue(lines.contains("- machine: 2 cores, 24.0 GiB memory, load average 3.5 at the start; OpenJDK 17; Linux 6.1 amd64"));
        assertTrue(lines.contains("- versions: Kafka 4.3.1"));
        assertTrue(lines.contains("![producer rate](producer-rate.png)"));
        assertTrue(lines.contains("- [producer.md](producer.md): rounds"));
    }

    @Test
    void theBuildNamesTheVersionsOfThePipeline() {
        Map<String, String> versions = Machine.project();

        assertEquals(List.of("Kafka", "Spark", "Scala", "spark-cassandra-connector", "Cassandra", "Java driver"),
                List.copyOf(versions.keySet()));
        versions.values().forEach(version -> assertTrue(version.matches("\\d+(\\.\\d+)+"), version));
    }
}

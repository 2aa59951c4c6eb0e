package dev.listening.it;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ./pipeline bench all --quick on the fixture's stack: the harness runs every benchmark and writes a
 * well-formed report and charts. The speed is not judged here (a shared machine), only the form.
 */
class BenchAllIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** A table row: six cells, the last one a verdict (empty for figures without a target). */
    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+) \\| ([^|]+) \\|[^|]*\\|[^|]*\\|[^|]*\\| (pass|FAIL|) \\|$");
    private static final List<String> MEASURES = List.of("producer: ", "streamer: ", "streamer: the same rate vs raw one-partition", "end-to-end latency p50",
            "end-to-end latency p99", "query songs", "query songs", "query averages", "query averages", "query sample",
            "query sample", "demo: kafka ready", "demo: cassandra ready", "demo: stack up", "demo: start -> all 100 events");
    private static final List<String> CHARTS = List.of("producer-rate.png", "streamer-rate.png", "e2e-latency-histogram.png",
            "e2e-latency-cdf.png");

    @Test
    void quickRunWritesTheReportWithEveryMeasureAndTheCharts() throws IOException {
        Path out = Files.createTempDirectory(STACK.workDir(), "bench");

        ProcessResult bench = STACK.runPipeline(Duration.ofMinutes(15), "bench", "all", "--quick", "--out-dir", out.toString());

        assertEquals(0, bench.exitCode(), bench.stderr());
        List<String> report = Files.readAllLines(out.resolve("REPORT.md"));
        String text = String.join("\n", report);
        assertTrue(report.contains("| measure | ours | reference | ratio | target | pass/fail |"), text);
        List<String> rows = report.stream().filter(line -> line.startsWith("| ") && !line.startsWith("| measure")).toList();
        assertEquals(MEASURES.size(), rows.size(), text);
        for (int i = 0; i < rows.size(); i++) {
            Matcher row = ROW.matcher(rows.get(i));
            assertTrue(row.matches(), rows.get(i));
            assertTrue(row.group(1).startsWith(MEASURES.get(i)), rows.get(i));
            assertTrue(row.group(2).matches("[0-9][0-9,.]* (events/s|rows/s|ms|s)"), rows.get(i));
        }
        assertTrue(report.stream().anyMatch(line -> line.matches("- date: \\d{4}-\\d\\d-\\d\\dT.*\\(quick run, .*")), text);
        assertTrue(report.stream().anyMatch(line -> line.matches("- machine: \\d+ cores, [0-9.]+ GiB memory, .*")), text);
        assertTrue(report.stream().anyMatch(line -> line.startsWith("- versions: Kafka ")), text);
        for (String chart : CHARTS) {
            assertTrue(text.contains("](" + chart + ")"), chart + " is not linked from the report");
            Path png = out.resolve(chart);
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(png), PNG_SIGNATURE.length), chart);
            assertTrue(Files.size(png) > 10_000, chart + " has " + Files.size(png) + " bytes");
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, chart);
            assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400, chart + " " + image.getWidth() + "x" + image.getHeight());
        }
        for (String detail : List.of("producer.md", "streamer.md", "e2e.md", "queries.md")) {
            assertTrue(Files.size(out.resolve(detail)) > 0, detail);
        }
    }
}

package dev.listening.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChartsTest {
    @TempDir
    Path dir;

    @Test
    void eachChartIsAPngOfTheChartSize() throws IOException {
        BatchLog log = BatchLog.parse(List.of(
                "batch 0: 10,000 rows in 4.0 s (2,500 rows/s), 0 dead letters, 0 join misses, Kafka lag 20,000",
                "batch 1: 10,000 rows in 1.0 s (10,000 rows/s), 0 dead letters, 0 join misses, Kafka lag 10,000",
                "batch 2: 10,000 rows in 0.8 s (12,500 rows/s), 0 dead letters, 0 join misses, Kafka lag 0"));
        RateTimeline timeline = new RateTimeline(List.of(new RateTimeline.Sample(0, 0), new RateTimeline.Sample(0.2, 10_000),
                new RateTimeline.Sample(0.4, 20_000)));
        Percentiles latencies = Percentiles.of(new long[] {420, 610, 700, 980, 1_300});

        Charts.producerRates(List.of(new ProducerThroughput.Round(50_000, 50_000, timeline, timeline)), dir.resolve("p.png"));
        Charts.streamerRates(log, 10_000, 14_000, 0.7, dir.resolve("s.png"));
        Charts.latencyHistogram(latencies, dir.resolve("h.png"));
        Charts.latencyCdf(latencies, 1_000, 1_500, dir.resolve("c.png"));

        for (String png : List.of("p.png", "s.png", "h.png", "c.png")) {
            BufferedImage image = ImageIO.read(dir.resolve(png).toFile());
            assertEquals(Charts.WIDTH, image.getWidth(), png);
            assertEquals(Charts.HEIGHT, image.getHeight(), png);
        }
    }
}

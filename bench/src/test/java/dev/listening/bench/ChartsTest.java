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
        StreamerMetrics log = StreamerMetrics.of(true, List.of(
                StreamerMetricsTest.batch(0, 10_000, 4_000, 0, 0, null),
                StreamerMetricsTest.batch(1, 10_000, 1_000, 0, 0, null),
                StreamerMetricsTest.batch(2, 10_000, 800, 0, 0, null)));
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

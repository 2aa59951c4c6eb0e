package dev.listening.bench;

import dev.listening.contract.metrics.BatchMetrics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The report's PNG charts (XChart). */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 500;
    private static final int MAX_BINS = 20;
    /** One colour per side, so that the rounds of one side read as one family of lines. */
    private static final Color OURS = new Color(0x1f, 0x77, 0xb4);
    private static final Color REFERENCE = new Color(0xff, 0x7f, 0x0e);
    /** Pixels between the ticks of a CDF's axis of percentages: every 10 % on a chart of this height. */
    private static final int PERCENT_TICK_SPACING = 40;

    static {
        // charts are drawn off-screen: benchmark machines have no display
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** Each side's rate over its run, as the topic's end offset grew. */
    static void producerRates(List<ProducerThroughput.Round> rounds, Path png) {
        XYChart chart = xy("Producer: records/s over time, ours vs ProducerPerformance (the reference)",
                "seconds since the first record (the topic's end offset, sampled)", "records/s");
        for (int i = 0; i < rounds.size(); i++) {
            ProducerThroughput.Round round = rounds.get(i);
            line(chart, "ours, round " + (i + 1), round.oursOverTime().rates(), OURS, SeriesLines.SOLID);
            line(chart, "reference, round " + (i + 1), round.referenceOverTime().rates(), REFERENCE, SeriesLines.DASH_DASH);
        }
        save(chart, png);
    }

    /**
     * The streamer's rows/s batch by batch, over the time spent in batches, with the raw writes' rate
     * (the reference) and the target ratio as horizontal lines.
     */
    static void streamerRates(StreamerMetrics log, long warmupRecords, double reference, double targetRatio, Path png) {
        XYChart chart = xy("Streamer: rows/s per micro-batch vs raw driver writes", "seconds in batches", "rows/s");
        int warmup = log.batches().size() - log.steady(warmupRecords).size();
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double at = 0;
        for (BatchMetrics batch : log.batches()) {
            double seconds = StreamerMetrics.seconds(batch);
            at += seconds;
            x.add(at);
            y.add(seconds > 0 ? batch.inputRows() / seconds : 0);
        }
        if (warmup > 0) {
            chart.addSeries("streamer, warm-up batches", x.subList(0, warmup), y.subList(0, warmup));
        }
        if (warmup < x.size()) {
            chart.addSeries("streamer, measured batches", x.subList(warmup, x.size()), y.subList(warmup, y.size()));
        }
        double end = Math.max(at, 1);
        horizontal(chart, "raw driver writes (reference)", reference, end, SeriesLines.SOLID);
        horizontal(chart, "target: " + targetRatio + " x reference", reference * targetRatio, end, SeriesLines.DASH_DASH);
        save(chart, png);
    }

    /** How many probes took how long. */
    static void latencyHistogram(Percentiles millis, Path png) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("End-to-end latency: histogram").xAxisTitle("ms (event ts -> row readable)").yAxisTitle("probes").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        double min = millis.at(0);
        double max = Math.max(min + 1, millis.at(100));
        int bins = (int) Math.min(MAX_BINS, Math.max(1, millis.count()));
        List<Double> values = new ArrayList<>();
        for (Percentiles.Count count : millis.counts()) {
            values.addAll(Collections.nCopies(Math.toIntExact(count.count()), (double) count.value()));
        }
        Histogram histogram = new Histogram(values, bins, min, max);
        chart.addSeries("probes", histogram.getxAxisData(), histogram.getyAxisData());
        save(chart, png);
    }

    /** The % of probes readable within each latency, with the p50 and p99 targets as vertical lines. */
    static void latencyCdf(Percentiles millis, double targetP50, double targetP99, Path png) {
        XYChart chart = xy("End-to-end latency: cumulative distribution", "ms (event ts -> row readable)",
                "% of probes readable");
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0).setYAxisTickMarkSpacingHint(PERCENT_TICK_SPACING);
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        long below = 0;
        for (Percentiles.Count count : millis.counts()) {
            below += count.count();
            x.add((double) count.value());
            y.add(100.0 * below / millis.count());
        }
        chart.addSeries("probes", x, y).setMarker(SeriesMarkers.NONE);
        vertical(chart, "target p50", targetP50);
        vertical(chart, "target p99", targetP99);
        save(chart, png);
    }

    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        // beside the plot, where no line runs under it
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        return chart;
    }

    private static void line(XYChart chart, String name, List<RateTimeline.Point> points, Color color, BasicStroke style) {
        if (points.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, points.stream().map(RateTimeline.Point::seconds).toList(),
                points.stream().map(RateTimeline.Point::perSecond).toList());
        series.setLineColor(color);
        series.setMarkerColor(color);
        series.setLineStyle(style);
    }

    private static void horizontal(XYChart chart, String name, double y, double end, BasicStroke style) {
        XYSeries series = chart.addSeries(name, new double[] {0, end}, new double[] {y, y});
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(style);
    }

    private static void vertical(XYChart chart, String name, double x) {
        XYSeries series = chart.addSeries(name, new double[] {x, x}, new double[] {0, 100});
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(SeriesLines.DASH_DASH);
    }

    private static void save(Chart<?, ?> chart, Path png) {
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

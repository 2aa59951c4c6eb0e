package dev.listening.bench;

import dev.listening.contract.UserError;
import dev.listening.cql.query.NamedQuery;
import dev.listening.producer.run.DurationConverter;
import dev.listening.stack.ServiceReport;
import dev.listening.verify.demo.Demo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every benchmark in one run on the stack of ./pipeline up, one report with charts. Each benchmark
 * runs with the sizes of the plan and writes its own report as its command would; one that fails is
 * a row of the report, and the others still run.
 */
public final class BenchSuite {
    public static final String REPORT = "REPORT.md";
    static final String PRODUCER_CHART = "producer-rate.png";
    static final String STREAMER_CHART = "streamer-rate.png";
    static final String LATENCY_HISTOGRAM = "e2e-latency-histogram.png";
    static final String LATENCY_CDF = "e2e-latency-cdf.png";
    private static final Logger LOG = LoggerFactory.getLogger(BenchSuite.class);

    /** The sizes of one run of every benchmark. */
    record Plan(String mode, long producerRecords, int producerRounds, long streamerRecords, long streamerBatch,
                long streamerWarmupRows, long streamerWarmupRecords, Duration e2eWarmup, Duration e2eDuration,
                int queryListeners, int queryHours, int queryRuns, int demoEvents, int demoRate) {
        static final Plan FULL = new Plan("full", 200_000, 3, 400_000, 100_000, 400_000, 200_000,
                Duration.ofSeconds(20), Duration.ofSeconds(60), 200, 24, 2_000, 500, 200);
        static final Plan QUICK = new Plan("quick", 10_000, 1, 3_000, 1_000, 1_000, 1_000,
                Duration.ofSeconds(1), Duration.ofSeconds(4), 20, 6, 200, 100, 100);
    }

    /**
     * Where the stack of ./pipeline up listens and how the streamer runs; the plan (full or {@code quick});
     * the sizes given instead of the plan's (null: the plan's); where the reports and charts go.
     */
    public record Settings(String bootstrap, String cassandra, String datacenter, String master, Path root, Path home,
                           Path songs, boolean quick, Long producerRecords, Long streamerRecords, Duration e2eDuration,
                           Integer queryRuns, Path outDir) {
        /** The sizes given are checked before anything runs, not when their benchmark's turn comes. */
        public Settings {
            Plan plan = quick ? Plan.QUICK : Plan.FULL;
            if (producerRecords != null && producerRecords < 1 || queryRuns != null && queryRuns < 1) {
                throw new UserError("--producer-records and --query-runs must be at least 1");
            }
            if (streamerRecords != null && streamerRecords < 3 * plan.streamerBatch()) {
                throw new UserError(String.format(Locale.ROOT, "--streamer-records must be at least three batches of %,d",
                        plan.streamerBatch()));
            }
            if (e2eDuration != null && (e2eDuration.isZero() || e2eDuration.isNegative())) {
                throw new UserError("--e2e-duration must be positive");
            }
        }

        Plan plan() {
            return quick ? Plan.QUICK : Plan.FULL;
        }
    }

    private final Settings settings;
    private final Plan plan;

    public BenchSuite(Settings settings) {
        this.settings = settings;
        this.plan = settings.plan();
    }

    /** Runs every benchmark, writes REPORT.md and prints it; a UserError names the benchmarks that failed to run. */
    public BenchReport run(PrintWriter out) throws IOException, InterruptedException {
        Path dir = settings.outDir().toAbsolutePath();
        Files.createDirectories(dir);
        Machine machine = Machine.current();
        Instant started = Instant.now();
        Results results = new Results();

        results.run("producer throughput", () -> producer(dir, out, results));
        results.run("streamer throughput", () -> streamer(dir, out, results));
        results.run("end-to-end latency", () -> endToEnd(dir, out, results));
        results.run("query latency", () -> queries(dir, out, results));
        results.run("demo start-up", () -> demo(results));

        BenchReport report = new BenchReport(started, Duration.between(started, Instant.now()), plan.mode(),
                "Kafka " + settings.bootstrap() + ", Cassandra " + settings.cassandra() + ", Spark master " + settings.master(),
                machine, results.measures, results.charts, results.details);
        List<String> lines = report.lines();
        Files.write(dir.resolve(REPORT), lines);
        out.println();
        lines.forEach(out::println);
        LOG.info("report: {}", dir.resolve(REPORT));
        if (report.failed() > 0) {
            throw new UserError(report.failed() + " benchmark(s) failed to run: " + String.join("; ", results.failures)
                    + "; see " + dir.resolve(REPORT));
        }
        return report;
    }

    ProducerThroughput producer() {
        long records = settings.producerRecords() != null ? settings.producerRecords() : plan.producerRecords();
        return new ProducerThroughput(new ProducerThroughput.Settings(settings.bootstrap(), records, plan.producerRounds(),
                new DurationConverter().convert(ProducerThroughput.DEFAULT_CONNECT_TIMEOUT), settings.root(), settings.songs()));
    }

    StreamerThroughput streamer(Path report) {
        long records = settings.streamerRecords() != null ? settings.streamerRecords() : plan.streamerRecords();
        return new StreamerThroughput(new StreamerThroughput.Settings(settings.bootstrap(), settings.cassandra(),
                settings.datacenter(), settings.root(), settings.home(), settings.songs(), records,
                Integer.parseInt(StreamerThroughput.DEFAULT_PARTITIONS), plan.streamerBatch(), plan.streamerWarmupRows(),
                plan.streamerWarmupRecords(), settings.master(), report.resolveSibling(StreamerThroughput.STREAMER_LOG)));
    }

    /** Trigger 1 s at 1,000 events/s, measured for --e2e-duration after a third as long of warm-up. */
    EndToEndLatency endToEnd(Path report) {
        Duration duration = settings.e2eDuration() != null ? settings.e2eDuration() : plan.e2eDuration();
        Duration warmup = settings.e2eDuration() != null ? settings.e2eDuration().dividedBy(3) : plan.e2eWarmup();
        return new EndToEndLatency(new EndToEndLatency.Settings(settings.bootstrap(), settings.cassandra(),
                settings.datacenter(), settings.root(), settings.home(), settings.songs(), "1s", 1000,
                Integer.parseInt(EndToEndLatency.DEFAULT_LISTENERS), warmup, duration,
                Integer.parseInt(EndToEndLatency.DEFAULT_PARTITIONS), settings.master(),
                report.resolveSibling(EndToEndLatency.STREAMER_LOG)));
    }

    QueryLatency queries() {
        int runs = settings.queryRuns() != null ? settings.queryRuns() : plan.queryRuns();
        return new QueryLatency(new QueryLatency.Settings(settings.cassandra(), settings.datacenter(), settings.songs(),
                plan.queryListeners(), plan.queryHours(), Integer.parseInt(QueryLatency.DEFAULT_PLAYS), runs));
    }

    private void producer(Path dir, PrintWriter out, Results results) throws IOException, InterruptedException {
        ProducerThroughput.Result result = Benchmark.run(producer(), dir.resolve("producer.md"), out);
        ProducerThroughput.Round median = result.medianRound();
        results.measures.add(Measure.ratio("producer: events/s at --rate max vs Kafka's ProducerPerformance (median round of "
                + result.rounds().size() + ")", median.ours(), median.reference(), "events/s", ProducerThroughput.TARGET_RATIO));
        Charts.producerRates(result.rounds(), dir.resolve(PRODUCER_CHART));
        results.charts.put(PRODUCER_CHART, "producer rate over time, ours and ProducerPerformance, each round");
        results.details.put("producer.md", "each round of the producer benchmark");
    }

    private void streamer(Path dir, PrintWriter out, Results results) throws IOException, InterruptedException {
        Path report = dir.resolve("streamer.md");
        StreamerThroughput.Result result = Benchmark.run(streamer(report), report, out);
        results.measures.add(Measure.ratio("streamer: rows stored/s Kafka -> Spark -> Cassandra, rollups caught up, "
                + "vs raw async single-row driver writes", result.streamerRowsPerSecond(), result.reference().mean(), "rows/s",
                StreamerThroughput.TARGET_RATIO));
        results.measures.add(Measure.compared("streamer: the same rate vs raw one-partition unlogged batches",
                result.streamerRowsPerSecond(), result.batched().mean(), "rows/s"));
        Charts.streamerRates(result.streamer(), result.streamerWarmupRecords(), result.reference().mean(),
                StreamerThroughput.TARGET_RATIO, dir.resolve(STREAMER_CHART));
        results.charts.put(STREAMER_CHART, "streamer rows/s per micro-batch, with the raw writes' rate");
        results.details.put("streamer.md", "the streamer benchmark's runs and counts");
    }

    private void endToEnd(Path dir, PrintWriter out, Results results) throws IOException, InterruptedException {
        Path report = dir.resolve("e2e.md");
        EndToEndLatency.Result result = Benchmark.run(endToEnd(report), report, out);
        Percentiles millis = result.latencies();
        String load = " (trigger 1 s, 1,000 events/s)";
        results.measures.add(Measure.atMost("end-to-end latency p50" + load, millis.at(50), null, "ms", EndToEndLatency.TARGET_P50_MS));
        results.measures.add(Measure.atMost("end-to-end latency p99" + load, millis.at(99), null, "ms", EndToEndLatency.TARGET_P99_MS));
        Charts.latencyHistogram(millis, dir.resolve(LATENCY_HISTOGRAM));
        Charts.latencyCdf(millis, EndToEndLatency.TARGET_P50_MS, EndToEndLatency.TARGET_P99_MS, dir.resolve(LATENCY_CDF));
        results.charts.put(LATENCY_HISTOGRAM, "end-to-end latency, histogram");
        results.charts.put(LATENCY_CDF, "end-to-end latency, cumulative distribution with the targets");
        results.details.put("e2e.md", "end-to-end latency percentiles");
    }

    private void queries(Path dir, PrintWriter out, Results results) throws IOException, InterruptedException {
        QueryLatency.Result result = Benchmark.run(queries(), dir.resolve("queries.md"), out);
        for (NamedQuery query : QueryLatency.QUERIES) {
            Percentiles micros = result.queries().get(query);
            String name = "query " + query.cliName() + " over " + String.format(Locale.ROOT, "%,d", result.partitions()) + " listener/hours";
            results.measures.add(Measure.atMost(name + ", p50", micros.at(50) / 1000.0, result.reference().at(50) / 1000.0,
                    "ms", QueryLatency.TARGET_P50_MS));
            results.measures.add(Measure.atMost(name + ", p99", micros.at(99) / 1000.0, result.reference().at(99) / 1000.0,
                    "ms", QueryLatency.TARGET_P99_MS));
        }
        results.details.put("queries.md", "query latency percentiles, with a read of an empty listener/hour as the reference");
    }

    private void demo(Results results) throws InterruptedException {
        Demo.Result result = DemoStartup.measure(settings.root(), settings.home(), plan.demoEvents(), plan.demoRate());
        for (ServiceReport service : result.up().services()) {
            results.measures.add(Measure.shown("demo: " + service.name() + " ready (cold start)", seconds(service.readyIn()), "s"));
        }
        results.measures.add(Measure.atMost("demo: stack up (both ready, topic created, schema applied)",
                seconds(result.up().total()), null, "s", DemoStartup.TARGET_UP_S));
        results.measures.add(Measure.atMost("demo: start -> all " + result.stored().records() + " events queryable",
                seconds(result.queryable()), null, "s", DemoStartup.TARGET_QUERYABLE_S));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    /** What the benchmarks gave so far; a benchmark that fails leaves a row saying why. */
    private static final class Results {
        final List<Measure> measures = new ArrayList<>();
        final Map<String, String> charts = new LinkedHashMap<>();
        final Map<String, String> details = new LinkedHashMap<>();
        final List<String> failures = new ArrayList<>();

        void run(String name, Step benchmark) throws InterruptedException, IOException {
            LOG.info("=== {} ===", name);
            try {
                benchmark.run();
            } catch (UserError e) {
                LOG.warn("{} failed: {}", name, e.getMessage());
                fail(name, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("{} failed", name, e);
                fail(name, e.toString());
            }
        }

        private void fail(String name, String why) {
            measures.add(Measure.failed(name, why));
            failures.add(name + ": " + why);
        }
    }
}

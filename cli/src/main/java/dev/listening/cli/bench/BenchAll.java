package dev.listening.cli.bench;

import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import dev.listening.cql.query.NamedQuery;
import dev.listening.producer.run.DurationConverter;
import dev.listening.stack.ProjectRoot;
import dev.listening.stack.ServiceReport;
import dev.listening.verify.demo.Demo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * ./pipeline bench all: every benchmark in one run on the stack of ./pipeline up, one report with
 * charts. Each benchmark is the bench command of its own, run with the sizes of the plan; one that
 * fails is a row of the report, and the others still run.
 */
@Command(name = "all", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "On the stack of ./pipeline up, one after the other: bench producer, bench streamer, bench e2e (trigger 1s, "
                        + "1,000 events/s), bench queries, and ./pipeline demo on a stack of its own (free ports, a scratch "
                        + "home) for its start-up times. About 10 minutes on 2 cores; --quick: about 2.",
                "Writes --out-dir/REPORT.md (measure, ours, reference, ratio, target, pass/fail; the machine, versions and "
                        + "date), PNG charts, and each benchmark's own report. Exit 0 when every benchmark ran, whether "
                        + "or not its target was met; 1 when one failed."})
public final class BenchAll implements Callable<Integer> {
    static final String REPORT = "REPORT.md";
    static final String PRODUCER_CHART = "producer-rate.png";
    static final String STREAMER_CHART = "streamer-rate.png";
    static final String LATENCY_HISTOGRAM = "e2e-latency-histogram.png";
    static final String LATENCY_CDF = "e2e-latency-cdf.png";
    private static final Logger LOG = LoggerFactory.getLogger(BenchAll.class);

    /** The sizes of one run of every benchmark. */
    record Plan(String mode, long producerRecords, int producerRounds, long streamerRecords, long streamerBatch,
                long streamerWarmupRows, long streamerWarmupRecords, Duration e2eWarmup, Duration e2eDuration,
                int queryListeners, int queryHours, int queryRuns, int demoEvents, int demoRate) {
        static final Plan FULL = new Plan("full", 200_000, 3, 400_000, 100_000, 400_000, 200_000,
                Duration.ofSeconds(20), Duration.ofSeconds(60), 200, 24, 2_000, 500, 200);
        static final Plan QUICK = new Plan("quick", 10_000, 1, 3_000, 1_000, 1_000, 1_000,
                Duration.ofSeconds(1), Duration.ofSeconds(4), 20, 6, 200, 100, 100);
    }

    @Mixin
    ServiceOptions services;

    @Mixin
    StreamerJobOptions job;

    @Option(names = "--quick", description = "Small sizes (about 2 minutes): checks the harness, not the speed.")
    boolean quick;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/output/bench",
            description = "Where the report, the charts and each benchmark's report go. Default: ${DEFAULT-VALUE}.")
    Path outDir;

    @Option(names = "--producer-records", paramLabel = "N",
            description = "Records per producer run (default 200,000; --quick 10,000).")
    Long producerRecords;

    @Option(names = "--streamer-records", paramLabel = "N",
            description = "Measured streamer records, at least three batches (default 400,000 in batches of 100,000; "
                    + "--quick 3,000 in batches of 1,000).")
    Long streamerRecords;

    @Option(names = "--e2e-duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long end-to-end latencies are measured, after a third as long of warm-up (default 60s "
                    + "after 20s; --quick 4s after 1s).")
    Duration e2eDuration;

    @Option(names = "--query-runs", paramLabel = "N", description = "Timed runs of each query (default 2,000; --quick 200).")
    Integer queryRuns;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Plan plan = quick ? Plan.QUICK : Plan.FULL;
        validate(plan);
        Path out = outDir.toAbsolutePath();
        Files.createDirectories(out);
        Machine machine = Machine.current();
        Instant started = Instant.now();
        Results results = new Results();

        results.run("producer throughput", () -> producer(plan, out, results));
        results.run("streamer throughput", () -> streamer(plan, out, results));
        results.run("end-to-end latency", () -> endToEnd(plan, out, results));
        results.run("query latency", () -> queries(plan, out, results));
        results.run("demo start-up", () -> demo(plan, results));

        BenchReport report = new BenchReport(started, Duration.between(started, Instant.now()), plan.mode(),
                "Kafka " + services.bootstrap() + ", Cassandra " + services.cassandra() + ", Spark master " + job.master(),
                machine, results.measures, results.charts, results.details);
        List<String> lines = report.lines();
        Files.write(out.resolve(REPORT), lines);
        spec.commandLine().getOut().println();
        lines.forEach(spec.commandLine().getOut()::println);
        LOG.info("report: {}", out.resolve(REPORT));
        if (report.failed() > 0) {
            throw new UserError(report.failed() + " benchmark(s) failed to run: " + String.join("; ", results.failures)
                    + "; see " + out.resolve(REPORT));
        }
        return 0;
    }

    /** The sizes given are checked before anything runs, not when their benchmark's turn comes. */
    private void validate(Plan plan) {
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

    private void producer(Plan plan, Path out, Results results) throws IOException, InterruptedException {
        long records = producerRecords != null ? producerRecords : plan.producerRecords();
        ProducerThroughput.Result result = configured(new ProducerBench(), Stream.of(
                List.of("--bootstrap", services.bootstrap(), "--records", Long.toString(records),
                        "--rounds", Integer.toString(plan.producerRounds()), "--out", out.resolve("producer.md").toString()),
                job.songs.args())).run();
        results.measures.add(Measure.ratio("producer: events/s at --rate max vs Kafka's ProducerPerformance (best round of "
                + result.rounds().size() + ")", result.bestOurs(), result.bestReference(), "events/s", ProducerBench.TARGET_RATIO));
        Charts.producerRates(result.rounds(), out.resolve(PRODUCER_CHART));
        results.charts.put(PRODUCER_CHART, "producer rate over time, ours and ProducerPerformance, each round");
        results.details.put("producer.md", "each round of the producer benchmark");
    }

    private void streamer(Plan plan, Path out, Results results) throws IOException, InterruptedException {
        long records = streamerRecords != null ? streamerRecords : plan.streamerRecords();
        StreamerThroughput.Result result = configured(new StreamerBench(), Stream.of(services.args(), job.args(),
                List.of("--records", Long.toString(records), StreamerOptions.MAX_OFFSETS_PER_TRIGGER, Long.toString(plan.streamerBatch()),
                        "--warmup-rows", Long.toString(plan.streamerWarmupRows()),
                        "--streamer-warmup-records", Long.toString(plan.streamerWarmupRecords()),
                        "--out", out.resolve("streamer.md").toString()))).run();
        results.measures.add(Measure.ratio("streamer: rows/s Kafka -> Spark -> Cassandra vs raw async driver writes",
                result.streamerRowsPerSecond(), result.reference().mean(), "rows/s", StreamerBench.TARGET_RATIO));
        Charts.streamerRates(result.streamer(), result.streamerWarmupRecords(), result.reference().mean(),
                StreamerBench.TARGET_RATIO, out.resolve(STREAMER_CHART));
        results.charts.put(STREAMER_CHART, "streamer rows/s per micro-batch, with the raw writes' rate");
        results.details.put("streamer.md", "the streamer benchmark's runs and counts");
    }

    private void endToEnd(Plan plan, Path out, Results results) throws IOException, InterruptedException {
        Duration duration = e2eDuration != null ? e2eDuration : plan.e2eDuration();
        Duration warmup = e2eDuration != null ? e2eDuration.dividedBy(3) : plan.e2eWarmup();
        EndToEndLatency.Result result = configured(new EndToEndBench(), Stream.of(services.args(), job.args(),
                List.of(StreamerOptions.TRIGGER, "1s", "--rate", "1000", "--warmup", warmup.toMillis() + "ms",
                        "--duration", duration.toMillis() + "ms", "--out", out.resolve("e2e.md").toString()))).run();
        Percentiles millis = result.latencies();
        String load = " (trigger 1 s, 1,000 events/s)";
        results.measures.add(Measure.atMost("end-to-end latency p50" + load, millis.at(50), null, "ms", EndToEndBench.TARGET_P50_MS));
        results.measures.add(Measure.atMost("end-to-end latency p99" + load, millis.at(99), null, "ms", EndToEndBench.TARGET_P99_MS));
        Charts.latencyHistogram(millis, out.resolve(LATENCY_HISTOGRAM));
        Charts.latencyCdf(millis, EndToEndBench.TARGET_P50_MS, EndToEndBench.TARGET_P99_MS, out.resolve(LATENCY_CDF));
        results.charts.put(LATENCY_HISTOGRAM, "end-to-end latency, histogram");
        results.charts.put(LATENCY_CDF, "end-to-end latency, cumulative distribution with the targets");
        results.details.put("e2e.md", "end-to-end latency percentiles");
    }

    private void queries(Plan plan, Path out, Results results) throws IOException, InterruptedException {
        int runs = queryRuns != null ? queryRuns : plan.queryRuns();
        QueryLatency.Result result = configured(new QueryBench(), Stream.of(services.cassandra.args(), job.songs.args(),
                List.of("--listeners", Integer.toString(plan.queryListeners()), "--hours", Integer.toString(plan.queryHours()),
                        "--runs", Integer.toString(runs), "--out", out.resolve("queries.md").toString()))).run();
        for (NamedQuery query : QueryLatency.QUERIES) {
            Percentiles micros = result.queries().get(query);
            String name = "query " + query.cliName() + " over " + String.format(Locale.ROOT, "%,d", result.partitions()) + " listener/hours";
            results.measures.add(Measure.atMost(name + ", p50", micros.at(50) / 1000.0, result.reference().at(50) / 1000.0,
                    "ms", QueryBench.TARGET_P50_MS));
            results.measures.add(Measure.atMost(name + ", p99", micros.at(99) / 1000.0, result.reference().at(99) / 1000.0,
                    "ms", QueryBench.TARGET_P99_MS));
        }
        results.details.put("queries.md", "query latency percentiles, with a read of an empty listener/hour as the reference");
    }

    private void demo(Plan plan, Results results) throws InterruptedException {
        Demo.Result result = DemoStartup.measure(ProjectRoot.get(), job.home(ProjectRoot.get()), plan.demoEvents(),
                plan.demoRate());
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

    /** A bench command with its options set as on its command line (defaults, validation and all). */
    static <T> T configured(T command, Stream<List<String>> args) {
        new CommandLine(command).parseArgs(args.flatMap(List::stream).toArray(String[]::new));
        return command;
    }

    private interface Benchmark {
        void run() throws IOException, InterruptedException;
    }

    /** What the benchmarks gave so far; a benchmark that fails leaves a row saying why. */
    private static final class Results {
        final List<Measure> measures = new ArrayList<>();
        final Map<String, String> charts = new LinkedHashMap<>();
        final Map<String, String> details = new LinkedHashMap<>();
        final List<String> failures = new ArrayList<>();

        void run(String name, Benchmark benchmark) throws InterruptedException, IOException {
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

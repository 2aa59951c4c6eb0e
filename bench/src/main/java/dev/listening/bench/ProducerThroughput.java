package dev.listening.bench;

import dev.listening.contract.EventJson;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.Topics;
import dev.listening.producer.ProducerMain;
import dev.listening.producer.events.EventGenerator;
import dev.listening.producer.kafka.ProducerSettings;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.run.Report;
import dev.listening.producer.songs.SongCatalog;
import dev.listening.stack.process.JvmCommand;
import dev.listening.stack.process.RuntimeClasspath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Our producer at --rate max next to Kafka's own ProducerPerformance, on the same broker in the
 * same run: same record values (real event JSON lines as its --payload-file), same delivery and
 * batching settings ({@link ProducerSettings#delivery()}), one fresh single-partition topic per run,
 * each side in a JVM of its own with the same heap. Each round runs both, the order alternating,
 * so a neighbour's load on the shared machine falls on both alike.
 */
public final class ProducerThroughput implements Benchmark<ProducerThroughput.Result> {
    public static final double TARGET_RATIO = 1.0;
    public static final String DEFAULT_CONNECT_TIMEOUT = "15s";
    private static final Logger LOG = LoggerFactory.getLogger(ProducerThroughput.class);
    private static final String REFERENCE_MAIN = "org.apache.kafka.tools.ProducerPerformance";
    /** ProducerPerformance's summary: "N records sent, X records/sec (...) ... 99.9th." */
    private static final Pattern REFERENCE_TOTAL = Pattern.compile("^(\\d+) records sent, ([0-9.]+) records/sec .*99\\.9th");
    private static final List<String> HEAP = List.of("-Xms256m", "-Xmx512m");
    /** Distinct payload lines: enough that gzip sees as little repetition as in a live stream. */
    private static final int PAYLOAD_LINES = 10_000;
    private static final long SEED = 20_240_501L;
    /**
     * How often the topic's end offset is read while a side runs: several points in a run of a few
     * seconds, yet several of the producers' batches (up to 256 KiB of gzip) apart, so a rate is not a batch's jump.
     */
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(500);

    private final Settings settings;

    /** @param root the project root: data/ and the Kafka runtime's classpath file */
    public record Settings(String bootstrap, long records, int rounds, Duration connectTimeout, Path root, Path songs) {
        public Settings {
            if (records < 1 || rounds < 1) {
                throw new UserError("--records and --rounds must be at least 1");
            }
        }
    }

    /** One round: both throughputs in events (records) per second, and how each rate went over its run. */
    public record Round(double ours, double reference, RateTimeline oursOverTime, RateTimeline referenceOverTime) {
        public double ratio() {
            return ours / reference;
        }
    }

    public record Result(List<Round> rounds, long records, double payloadBytes) {
        /**
         * The round whose ratio is the median (the lower middle one for an even count): each round runs both
         * sides back to back, so its ratio is fair, and a neighbour's burst on the shared machine moves one
         * round's ratio, not the figure. Best against best would pair rounds that never ran together.
         */
        public Round medianRound() {
            List<Round> byRatio = rounds.stream().sorted(Comparator.comparingDouble(Round::ratio)).toList();
            return byRatio.get((byRatio.size() - 1) / 2);
        }

        public double ratio() {
            return medianRound().ratio();
        }
    }

    public ProducerThroughput(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    @Override
    public Result measure() {
        Path work = createTempDirectory();
        try {
            Path payload = work.resolve("payload.jsonl");
            double payloadBytes = writePayload(payload);
            List<Round> rounds = new ArrayList<>();
            String runId = Long.toString(Instant.now().getEpochSecond(), 36);
            for (int round = 1; round <= settings.rounds(); round++) {
                String referenceTopic = freshTopic("bench-reference-" + runId + "-" + round);
                String ourTopic = freshTopic("bench-producer-" + runId + "-" + round);
                try {
                    // whoever goes second in one round goes first in the next
                    Run reference;
                    Run ours;
                    if (round % 2 == 1) {
                        reference = runReference(referenceTopic, payload, work);
                        ours = runOurs(ourTopic, work);
                    } else {
                        ours = runOurs(ourTopic, work);
                        reference = runReference(referenceTopic, payload, work);
                    }
                    LOG.info(String.format(Locale.ROOT, "round %d: ours %.0f events/s, reference %.0f records/s, "
                            + "ratio %.2f", round, ours.perSecond(), reference.perSecond(), ours.perSecond() / reference.perSecond()));
                    rounds.add(new Round(ours.perSecond(), reference.perSecond(), ours.timeline(), reference.timeline()));
                } finally {
                    deleteTopics(List.of(referenceTopic, ourTopic));
                }
            }
            return new Result(rounds, settings.records(), payloadBytes);
        } finally {
            deleteFlat(work);
        }
    }

    /** Real events from the producer's own generator, one JSON document per line; returns the mean size. */
    private double writePayload(Path payload) {
        EventGenerator generator = new EventGenerator(Listeners.generate(50, List.of(), SEED),
                SongCatalog.load(settings.songs()).songs(), SEED);
        long now = System.currentTimeMillis();
        StringBuilder lines = new StringBuilder();
        long bytes = 0;
        for (int i = 0; i < PAYLOAD_LINES; i++) {
            String json = EventJson.toJson(generator.next(now + i));
            bytes += json.getBytes(StandardCharsets.UTF_8).length;
            lines.append(json).append('\n');
        }
        write(payload, lines.toString());
        return (double) bytes / PAYLOAD_LINES;
    }

    /** One side's run: its own figure for the whole run, and the topic watched while it ran. */
    private record Run(double perSecond, RateTimeline timeline) {
    }

    /** What a side's JVM printed, and the topic watched while it ran. */
    private record Output(List<String> lines, RateTimeline timeline) {
    }

    private Run runReference(String topic, Path payload, Path work) {
        List<String> args = new ArrayList<>(List.of("--topic", topic, "--num-records", Long.toString(settings.records()),
                "--throughput", "-1", "--payload-file", payload.toString(), "--producer-props",
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG + "=" + settings.bootstrap()));
        ProducerSettings.delivery().forEach((key, value) -> args.add(key + "=" + value));
        Output run = run("reference", RuntimeClasspath.read(settings.root(), "kafka"), REFERENCE_MAIN, args, topic, work);
        List<String> output = run.lines();
        ReferenceSummary summary = ReferenceSummary.find(output)
                .orElseThrow(() -> new IllegalStateException("no summary line from ProducerPerformance: " + tail(output)));
        if (summary.acknowledged() != settings.records()) {
            throw new UserError("ProducerPerformance had only " + summary.acknowledged() + " of " + settings.records()
                    + " records acknowledged");
        }
        return new Run(summary.perSecond(), run.timeline());
    }

    /** ProducerPerformance's closing line: records acknowledged and records per second over the whole run. */
    record ReferenceSummary(long acknowledged, double perSecond) {
        static Optional<ReferenceSummary> find(List<String> output) {
            for (String line : output) {
                Matcher total = REFERENCE_TOTAL.matcher(line);
                if (total.find()) {
                    return Optional.of(new ReferenceSummary(Long.parseLong(total.group(1)),
                            Double.parseDouble(total.group(2))));
                }
            }
            return Optional.empty();
        }
    }

    private Run runOurs(String topic, Path work) {
        List<String> args = List.of("--bootstrap", settings.bootstrap(), "--topic", topic, "--rate", "max",
                "--limit", Long.toString(settings.records()), "--seed", Long.toString(SEED),
                "--songs", settings.songs().toString(), "--connect-timeout", settings.connectTimeout().toSeconds() + "s");
        Output run = run("producer", System.getProperty("java.class.path"), ProducerMain.class.getName(), args, topic, work);
        List<String> output = run.lines();
        Report report = output.stream().map(Report::parse).flatMap(Optional::stream).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no report line from the producer: " + tail(output)));
        if (report.acknowledged() != settings.records()) {
            throw new UserError("the producer had only " + report.acknowledged() + " of " + settings.records()
                    + " events acknowledged");
        }
        return new Run(report.eventsPerSecond(), run.timeline());
    }

    /**
     * Runs one side in its own JVM, its topic's end offset sampled until it ends; its output goes to
     * a file, read back when it has ended.
     */
    private Output run(String name, String classpath, String mainClass, List<String> args, String topic, Path work) {
        JvmCommand command = new JvmCommand(JvmCommand.currentJava(), HEAP, classpath, mainClass, args);
        Duration timeout = runTimeout();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap()))) {
            Path log = Files.createTempFile(work, name, ".log");
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command.argv()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            List<RateTimeline.Sample> samples = new ArrayList<>();
            try {
                while (!process.waitFor(SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() - started > timeout.toNanos()) {
                        throw new UserError(name + " did not finish " + settings.records() + " records within "
                                + timeout.toSeconds() + " s");
                    }
                    samples.add(new RateTimeline.Sample((System.nanoTime() - started) / 1e9, endOffset(admin, topic)));
                }
            } finally {
                if (process.isAlive()) {
                    process.destroyForcibly().waitFor();
                }
            }
            samples.add(new RateTimeline.Sample((System.nanoTime() - started) / 1e9, endOffset(admin, topic)));
            List<String> output = Files.readAllLines(log);
            if (process.exitValue() != 0) {
                throw new UserError(name + " failed (exit " + process.exitValue() + "): " + tail(output));
            }
            return new Output(output, new RateTimeline(samples));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while " + name + " was running", e);
        }
    }

    private long endOffset(Admin admin, String topic) throws InterruptedException {
        try {
            return admin.listOffsets(Map.of(new TopicPartition(topic, 0), OffsetSpec.latest())).all()
                    .get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS).values().iterator().next().offset();
        } catch (ExecutionException | TimeoutException e) {
            throw new UserError("cannot read the end offset of " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Generous: even 1,000 records/s finishes; a run that takes longer is broken, not slow. */
    private Duration runTimeout() {
        return Duration.ofSeconds(60 + settings.records() / 1_000);
    }

    /** A new single-partition topic; fails with one line when the broker does not answer. */
    private String freshTopic(String topic) {
        Topics.ensure(settings.bootstrap(), topic, 1, settings.connectTimeout());
        return topic;
    }

    /** Bench topics go again after their run, so repeated benchmarks do not fill the broker's disk. */
    private void deleteTopics(List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap()))) {
            admin.deleteTopics(topics).all().get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("bench topics {} not deleted: {}", topics, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(List<String> output) {
        return String.join(" | ", output.subList(Math.max(0, output.size() - 3), output.size()));
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("producer-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scratch directory holds files only: the payload and the two runs' output. */
    private static void deleteFlat(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(dir);
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", dir, e.toString());
        }
    }

    @Override
    public List<String> report(Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("# Producer throughput: ours vs Kafka's ProducerPerformance");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", broker " + settings.bootstrap() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        lines.add(String.format(Locale.ROOT, "- %d records per run, event JSON of %.0f bytes on average "
                + "(ours adds its user_id key, 36 bytes; the reference sends no key)", result.records(),
                result.payloadBytes()));
        lines.add("- both: " + ProducerSettings.delivery() + ", one partition, JVM -Xmx512m");
        lines.add("");
        lines.add("| round | ours (events/s) | ProducerPerformance (records/s) | ratio |");
        lines.add("|---:|---:|---:|---:|");
        for (int i = 0; i < result.rounds().size(); i++) {
            Round round = result.rounds().get(i);
            lines.add(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |", i + 1, round.ours(), round.reference(),
                    round.ratio()));
        }
        lines.add("");
        Round median = result.medianRound();
        lines.add(String.format(Locale.ROOT, "median round: ours %.0f events/s, reference %.0f records/s, ratio %.2f (target >= %.1f)",
                median.ours(), median.reference(), result.ratio(), TARGET_RATIO));
        return lines;
    }
}

package dev.listening.bench;

import dev.listening.contract.metrics.BatchMetrics;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.listening.contract.CqlFile;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import dev.listening.cql.CassandraSessions;
import dev.listening.producer.events.EventGenerator;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.songs.Song;
import dev.listening.producer.songs.SongCatalog;
import dev.listening.bench.profile.CpuBudget;
import dev.listening.bench.profile.FlightRecording;
import dev.listening.bench.profile.Stages;
import dev.listening.stack.LocalStack;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.StreamerSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The streamer's sustained throughput from a pre-filled topic into Cassandra, next to raw
 * asynchronous driver writes of the same rows into the same Cassandra in the same run: one row per
 * request, and unlogged batches of one partition. The streamer's rate counts rows stored, and its
 * clock stops only when the rollups have caught up with the last measured batch. Both sides
 * are warmed first: Cassandra with raw writes (a fresh node writes at a third of its warm rate),
 * the streamer's JVM with records ahead of the measured ones in the topic. The raw writes run
 * before and after the streamer, so drift on the shared machine falls on both sides; each side
 * writes into a fresh keyspace of its own.
 */
public record StreamerThroughput(Settings settings, Optional<Path> profile) implements Benchmark<StreamerThroughput.Result> {
    public static final double TARGET_RATIO = 0.6;
    public static final String DEFAULT_PARTITIONS = "2";
    /** The streamer's log, next to the report. */
    public static final String STREAMER_LOG = "streamer-job.log";
    /** The recordings of a profiled run, next to the report. */
    public static final String STREAMER_RECORDING = "streamer.jfr";
    public static final String CASSANDRA_RECORDING = "cassandra.jfr";
    private static final Logger LOG = LoggerFactory.getLogger(StreamerThroughput.class);
    private static final long SEED = 20_240_501L;
    private static final int LISTENERS = 50;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final String EVENT_IDS = "cql/bench/listening_history_select_event_ids.cql";
    /** The streamer's default; the reference writes at the same level. */
    private static final DefaultConsistencyLevel CONSISTENCY = DefaultConsistencyLevel.valueOf(StreamerOptions.DEFAULT_CONSISTENCY);


    public StreamerThroughput(Settings settings) {
        this(settings, Optional.empty());
    }

    /** With JFR recordings of the streamer and the local Cassandra into {@code directory}, and their CPU budgets in the report. */
    public StreamerThroughput profiledInto(Path directory) {
        return new StreamerThroughput(settings, Optional.of(directory));
    }

    public record Settings(String bootstrap, String cassandra, String datacenter, Path root, Path home, Path songs,
                           long records, int partitions, long maxOffsetsPerTrigger, long warmupRows,
                           long streamerWarmupRecords, String master, Path streamerLog) {
        public Settings {
            if (records < 3 * maxOffsetsPerTrigger) {
                throw new UserError("--records must be at least three batches (3 x " + StreamerOptions.MAX_OFFSETS_PER_TRIGGER
                        + ") so that a steady rate shows after the first batch");
            }
            if (partitions < 1 || warmupRows < 0 || streamerWarmupRecords < 0) {
                throw new UserError("--partitions must be at least 1, --warmup-rows and --streamer-warmup-records not negative");
            }
        }
    }

    /** Raw driver writes (one way of writing), before and after the streamer: rows per second. */
    public record Reference(double before, double after) {
        public double mean() {
            return (before + after) / 2;
        }
    }

    /**
     * {@code reference}: single-row writes, the judged one; {@code batched}: one-partition unlogged batches;
     * {@code budgets}: where the streamer's and Cassandra's CPU went while the streamer ran, when profiled.
     */
    public record Result(long records, long streamerWarmupRecords, double warmupRowsPerSecond, Reference reference,
                         Reference batched, StreamerMetrics streamer, long rowsStored, List<CpuBudget> budgets) {
        /** Rows stored per second until the rollups caught up; 0 if they never did. */
        public double streamerRowsPerSecond() {
            return streamer.caughtUpRowsPerSecond(streamerWarmupRecords).orElse(0.0);
        }

        public double ratio() {
            return streamerRowsPerSecond() / reference.mean();
        }

        public double batchedRatio() {
            return streamerRowsPerSecond() / batched.mean();
        }
    }

    @Override
    public Result measure() throws InterruptedException {
        List<Song> songs = SongCatalog.load(settings.songs()).songs();
        EventGenerator generator = new EventGenerator(Listeners.generate(LISTENERS, List.of(), SEED), songs, SEED);
        long streamed = settings.streamerWarmupRecords() + settings.records();
        long start = System.currentTimeMillis() - streamed - settings.warmupRows();
        List<ListeningEvent> warmup = TopicFill.events(generator, start, settings.warmupRows());
        List<ListeningEvent> streamerWarmup = TopicFill.events(generator, start + settings.warmupRows(), settings.streamerWarmupRecords());
        List<ListeningEvent> events = TopicFill.events(generator, start + settings.warmupRows() + settings.streamerWarmupRecords(),
                settings.records());

        try (CqlSession session = CassandraSessions.open(settings.cassandra(), settings.datacenter(), REQUEST_TIMEOUT);
             Scratch scratch = new Scratch(settings.bootstrap(), session)) {
            String topic = scratch.topic("streamer", settings.partitions());
            TopicFill.fill(settings.bootstrap(), topic, streamerWarmup, REQUEST_TIMEOUT);
            TopicFill.fill(settings.bootstrap(), topic, events, REQUEST_TIMEOUT);

            double warm = rate(warmup.size(), new ReferenceWriter(session, scratch.keyspace("warmup"), songs, CONSISTENCY).write(warmup));
            LOG.info("Cassandra warmed with {} raw rows at {} rows/s", warmup.size(), Math.round(warm));
            double before = reference(session, scratch, songs, events, "reference_before");
            double batchedBefore = batched(session, scratch, songs, events, "batched_before");

            String keyspace = scratch.keyspace("streamer");
            StreamerSubmission submission = StreamerSubmission.defaults(settings.root(), settings.home(), settings.bootstrap(),
                            settings.cassandra(), topic, keyspace)
                    .withDatacenter(settings.datacenter())
                    .withSongs(settings.songs())
                    .withTrigger("1s")
                    .withMaxOffsetsPerTrigger(settings.maxOffsetsPerTrigger());
            StreamerMetrics batches;
            List<CpuBudget> budgets = new ArrayList<>();
            try (StreamerRun run = StreamerRun.start(new SparkRuntime(settings.root(), settings.home()), submission,
                    settings.master(), settings.streamerLog())) {
                run.awaitStarted(START_TIMEOUT);
                Map<FlightRecording, Stages> recordings = startRecordings(run.pid());
                run.awaitRows(streamed, START_TIMEOUT.plusSeconds(streamed / 1000));
                run.awaitRolledUp(streamed, START_TIMEOUT);
                for (Map.Entry<FlightRecording, Stages> recording : recordings.entrySet()) {
                    budgets.add(recording.getKey().stop(recording.getValue(), streamed));
                }
                batches = run.batches();
            }
            LOG.info("streamer: {} rows stored/s after its first {} records, rollups caught up", Math.round(batches
                    .caughtUpRowsPerSecond(settings.streamerWarmupRecords()).orElse(0.0)), settings.streamerWarmupRecords());

            double after = reference(session, scratch, songs, events, "reference_after");
            double batchedAfter = batched(session, scratch, songs, events, "batched_after");
            return new Result(settings.records(), settings.streamerWarmupRecords(), warm, new Reference(before, after),
                    new Reference(batchedBefore, batchedAfter), batches, countRows(session, keyspace), budgets);
        }
    }

    /** When profiling: the streamer's JVM, and the stack's Cassandra node when it runs one here. */
    private Map<FlightRecording, Stages> startRecordings(long streamerPid) throws InterruptedException {
        Map<FlightRecording, Stages> recordings = new LinkedHashMap<>();
        if (profile.isEmpty()) {
            return recordings;
        }
        Path directory = profile.get();
        recordings.put(FlightRecording.start("streamer", streamerPid, directory.resolve(STREAMER_RECORDING)), Stages.STREAMER);
        OptionalLong cassandra = LocalStack.pidFile(settings.home().resolve(CassandraService.NAME), CassandraService.NAME).read();
        if (cassandra.isPresent()) {
            recordings.put(FlightRecording.start("cassandra", cassandra.getAsLong(), directory.resolve(CASSANDRA_RECORDING)),
                    Stages.CASSANDRA);
        } else {
            LOG.warn("no Cassandra node of the local stack under {}: profiling the streamer only", settings.home());
        }
        return recordings;
    }

    private double reference(CqlSession session, Scratch scratch, List<Song> songs, List<ListeningEvent> events, String name)
            throws InterruptedException {
        double rate = rate(events.size(), new ReferenceWriter(session, scratch.keyspace(name), songs, CONSISTENCY).write(events));
        LOG.info("raw driver writes ({}): {} rows/s", name, Math.round(rate));
        return rate;
    }

    private double batched(CqlSession session, Scratch scratch, List<Song> songs, List<ListeningEvent> events, String name)
            throws InterruptedException {
        double rate = rate(events.size(), new ReferenceWriter(session, scratch.keyspace(name), songs, CONSISTENCY)
                .writeBatched(events));
        LOG.info("raw driver one-partition batches ({}): {} rows/s", name, Math.round(rate));
        return rate;
    }

    /** Rows in the keyspace's listening_history, read page by page. */
    static long countRows(CqlSession session, String keyspace) {
        long rows = 0;
        for (var ignored : session.execute(SimpleStatement.newInstance(CqlFile.classpath(EVENT_IDS).inKeyspace(keyspace).cql())
                .setPageSize(5_000).setTimeout(REQUEST_TIMEOUT))) {
            rows++;
        }
        return rows;
    }

    private static double rate(long rows, Duration took) {
        return rows / (took.toNanos() / 1e9);
    }

    @Override
    public List<String> report(Result result) {
        StreamerMetrics streamer = result.streamer();
        List<BatchMetrics> steady = streamer.steady(result.streamerWarmupRecords());
        long warmupBatches = streamer.batches().size() - steady.size();
        List<String> lines = new ArrayList<>();
        lines.add("# Streamer throughput: Kafka -> Spark -> Cassandra next to raw driver writes");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", Kafka " + settings.bootstrap() + ", Cassandra "
                + settings.cassandra() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Spark master " + settings.master());
        lines.add(String.format(Locale.ROOT, "- %,d measured producer events in a %d-partition topic; streamer trigger 1s, "
                + "%,d records per batch, consistency %s; raw writes: prepared INSERT, executeAsync, %d in flight, "
                + "the same rows at the same consistency, one row per request or unlogged batches of one partition "
                + "(at most %,d bytes)", result.records(), settings.partitions(), settings.maxOffsetsPerTrigger(),
                StreamerOptions.DEFAULT_CONSISTENCY, ReferenceWriter.IN_FLIGHT, ReferenceWriter.MAX_BATCH_BYTES));
        lines.add("- the streamer's rate: rows stored by the measured batches, from the first one's start until the "
                + "rollups cover the last one");
        lines.add(String.format(Locale.ROOT, "- warm-up: Cassandra with %,d raw rows (%,.0f rows/s); the streamer with the "
                + "%,d records ahead of the measured ones (%d batches, not counted)", settings.warmupRows(), result.warmupRowsPerSecond(),
                result.streamerWarmupRecords(), warmupBatches));
        lines.add("");
        lines.add("| run | rows/s |");
        lines.add("|---|---:|");
        lines.add(String.format(Locale.ROOT, "| raw driver writes, before | %,.0f |", result.reference().before()));
        lines.add(String.format(Locale.ROOT, "| raw one-partition batches, before | %,.0f |", result.batched().before()));
        lines.add(String.format(Locale.ROOT, "| streamer, batches %d-%d (%,d rows stored), rollups caught up after %.1f s | %,.0f |",
                warmupBatches + 1, streamer.batches().size(), steady.stream().mapToLong(BatchMetrics::rowsStored).sum(),
                streamer.caughtUpSeconds(result.streamerWarmupRecords()).orElse(Double.NaN), result.streamerRowsPerSecond()));
        lines.add(String.format(Locale.ROOT, "| raw driver writes, after | %,.0f |", result.reference().after()));
        lines.add(String.format(Locale.ROOT, "| raw one-partition batches, after | %,.0f |", result.batched().after()));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "ratio: streamer / raw single-row mean = %,.0f / %,.0f = %.2f (target >= %.1f)",
                result.streamerRowsPerSecond(), result.reference().mean(), result.ratio(), TARGET_RATIO));
        lines.add(String.format(Locale.ROOT, "ratio: streamer / raw one-partition batches mean = %,.0f / %,.0f = %.2f (no target)",
                result.streamerRowsPerSecond(), result.batched().mean(), result.batchedRatio()));
        lines.add(String.format(Locale.ROOT, "rows stored by the streamer: %,d of %,d; dead letters %,d; join misses %,d",
                result.rowsStored(), result.records() + result.streamerWarmupRecords(), streamer.deadLetters(),
                streamer.joinMisses()));
        if (!result.budgets().isEmpty()) {
            lines.add("");
            lines.add("## CPU budget while the streamer ran (all its batches, warm-up included)");
            lines.add("");
            lines.add("Each process's CPU time shared out by the stages of its JFR execution samples (Java code only: "
                    + "GC, JIT and native code such as zlib's inflate are shared out in proportion); recordings "
                    + STREAMER_RECORDING + " and " + CASSANDRA_RECORDING + " next to this report.");
            lines.add("");
            lines.addAll(CpuBudget.table(result.budgets()));
        }
        return lines;
    }
}

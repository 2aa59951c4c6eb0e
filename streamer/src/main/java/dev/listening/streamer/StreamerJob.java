package dev.listening.streamer;

import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.Names;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.KafkaClient;
import dev.listening.contract.kafka.Topics;
import dev.listening.streamer.metrics.BatchCounter;
import dev.listening.streamer.metrics.JsonLinesOutlet;
import dev.listening.streamer.metrics.MetricsListener;
import dev.listening.streamer.metrics.MetricsOutlet;
import dev.listening.streamer.metrics.PrometheusOutlet;
import dev.listening.streamer.plan.ListeningPlan;
import dev.listening.streamer.plan.Songs;
import dev.listening.streamer.rollup.RollupStream;
import dev.listening.streamer.sink.CassandraBatchWriter;
import dev.listening.streamer.sink.CassandraProbe;
import dev.listening.streamer.sink.OutageRetry;
import dev.listening.streamer.sink.Outages;
import dev.listening.streamer.sink.RollupSink;
import dev.listening.streamer.sink.StatementFile;
import dev.listening.streamer.sink.TableWriter;
import dev.listening.streamer.watchdog.ProgressBeat;
import dev.listening.streamer.watchdog.StallWatchdog;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.SparkExecutorInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.util.ShutdownHookManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.runtime.BoxedUnit;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The streaming job, until stopped: two queries on the same Kafka topic, each with its checkpoint. One
 * writes every record to listening_history or the dead letters ({@link ListeningPlan}); the other keeps
 * the rollup tables ({@link RollupStream}, a stateful aggregation, under the checkpoint's {@code rollups}).
 * Runs inside spark-submit's JVM (the driver); a SIGINT or SIGTERM stops the queries before Spark stops.
 */
public final class StreamerJob {
    private static final Logger LOG = LoggerFactory.getLogger(StreamerJob.class);
    static final String QUERY_NAME = "listening";
    static final String ROLLUP_QUERY_NAME = "rollups";
    /** The rollup query's checkpoint, inside the job's. */
    static final String ROLLUP_CHECKPOINT = "rollups";
    /**
     * Runs first: before the hook of a local executor (Spark's default priority) shuts its task threads down, which
     * made a batch launching tasks meet a stopped executor, and before Spark's hook stops the SparkContext.
     */
    private static final int STOP_QUERY_PRIORITY = ShutdownHookManager.DEFAULT_SHUTDOWN_PRIORITY() + 1;
    private static final Duration CANCELLED_JOBS_GRACE = Duration.ofSeconds(10);
    private static final Duration CANCELLED_JOBS_POLL = Duration.ofMillis(50);
    /**
     * The topic is checked before the query subscribes: also where an unreachable Kafka first shows. As long as the
     * producer's max.block.ms, so that a job restarted while its broker restarts waits for it instead of exiting.
     */
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(60);

    /** The job's exit code when the watchdog stopped a stalled stream. */
    public static final int EXIT_STALLED = 3;
    /** Spark names the thread that runs the micro-batches "stream execution thread for NAME [id = ...]". */
    private static final String STREAM_THREAD_PREFIX = "stream execution thread for";
    private static final int STACK_FRAMES_LOGGED = 40;
    /** Longer than the query's stop timeout (20 s), so an orderly exit gets its chance first. */
    private static final Duration HALT_AFTER = Duration.ofSeconds(45);

    private final StreamerConfig config;

    public StreamerJob(StreamerConfig config) {
        this.config = config;
    }

    public void run() {
        // Before Spark starts: a port already taken is a quick, clear error.
        List<MetricsOutlet> outlets = outlets();
        SparkConf conf = SparkSettings.apply(new SparkConf(), config, CassandraCredentials.current());
        SchedulerPools.configure(conf);
        // Not closed here: Spark's shutdown hook stops the session after ours has stopped the query;
        // closing it from this thread as well would pull the context from under that stop.
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        Dataset<Row> songs = loadSongs(spark);
        // After Spark's start-up and the songs: a job started beside its broker (./pipeline demo) does both while the broker starts.
        if (Topics.ensure(config.kafka(), config.topic(), TOPIC_TIMEOUT)) {
            LOG.info("created topic {} with the broker's default partitions and replication", config.topic());
        }
        BatchCounter counter = new BatchCounter();
        StallWatchdog watchdog = new StallWatchdog(config.stallTimeout(), StreamerJob::stalled);
        spark.streams().addListener(new ProgressBeat(watchdog));
        CassandraProbe probe = new CassandraProbe(conf);
        probe.requireLogin();
        OutageRetry retry = new OutageRetry(config.retryTimeout(), probe, watchdog::beat);
        spark.streams().addListener(new MetricsListener(counter, ROLLUP_QUERY_NAME, outlets, Clock.systemUTC()));
        SchedulerPools.use(spark.sparkContext(), SchedulerPools.HISTORY);
        StreamingQuery history = start(ListeningPlan.classify(kafka(spark), songs).writeStream(), QUERY_NAME, config.trigger(),
                config.checkpoint(), new CassandraBatchWriter(
                        TableWriter.of(conf, StatementFile.LISTENING_HISTORY_INSERT, config.keyspace(), config.consistency()),
                        TableWriter.of(conf, StatementFile.LISTENING_DEAD_LETTER_INSERT, config.keyspace(), config.consistency()),
                        retry, counter));
        SchedulerPools.use(spark.sparkContext(), SchedulerPools.ROLLUPS);
        StreamingQuery rollups = start(RollupStream.aggregate(ListeningPlan.valid(kafka(spark), songs), config.rollupLateness()).writeStream()
                        .outputMode(OutputMode.Update()), ROLLUP_QUERY_NAME, config.rollupInterval(),
                Path.of(config.checkpoint(), ROLLUP_CHECKPOINT).toString(),
                new RollupSink(conf, config.keyspace(), config.consistency(), retry));
        SchedulerPools.use(spark.sparkContext(), null);
        List<StreamingQuery> queries = List.of(history, rollups);
        watchdog.start();
        // One stop at a time, each waiting for its query's thread: the main thread, woken when the hook stopped the
        // first query, must not return (spark-submit then stops the context) while the hook still stops the other.
        Object stopping = new Object();
        Runnable stopAll = () -> {
            synchronized (stopping) {
                queries.forEach(StreamerJob::stop);
                // Both stopped: no job of ours may run on, whatever a stop that timed out left behind.
                spark.sparkContext().cancelAllJobs();
                awaitCancelledJobs(spark);
            }
        };
        ShutdownHookManager.addShutdownHook(STOP_QUERY_PRIORITY, () -> {
            stopAll.run();
            outlets.forEach(MetricsOutlet::close);
            return BoxedUnit.UNIT;
        });
        LOG.info("streaming {} from {} into {}.{} every {} s, rollups every {} s with {} s of lateness (checkpoint {})", config.topic(),
                config.bootstrap(), config.keyspace(), Names.HISTORY_TABLE, config.trigger().toMillis() / 1000.0,
                config.rollupInterval().toMillis() / 1000.0, config.rollupLateness().toSeconds(), config.checkpoint());
        try {
            // Either query failing stops the job; a restart resumes both from their checkpoints.
            spark.streams().awaitAnyTermination();
        } catch (StreamingQueryException e) {
            String failed = queries.stream().filter(q -> q.exception().isDefined()).map(StreamingQuery::name).findFirst().orElse("");
            throw new UserError("the streaming query " + failed + " stopped: " + failure(e), e);
        } finally {
            stopAll.run();
            outlets.forEach(MetricsOutlet::close);
        }
    }

    /** The metrics file, and the Prometheus endpoint unless its port is 0. */
    private List<MetricsOutlet> outlets() {
        List<MetricsOutlet> outlets = new ArrayList<>(List.of(new JsonLinesOutlet(Path.of(config.metricsFile()))));
        if (config.metricsPort() != 0) {
            PrometheusOutlet prometheus = PrometheusOutlet.start(config.metricsAddress(), config.metricsPort(), Clock.systemUTC());
            LOG.info("metrics on http://{}:{}/metrics and in {}", config.metricsAddress(), prometheus.port(), config.metricsFile());
            outlets.add(prometheus);
        } else {
            LOG.info("metrics in {}", config.metricsFile());
        }
        return outlets;
    }

    /**
     * Read once with Spark's CSV reader, then kept in the driver as a local relation: every
     * micro-batch broadcasts the songs anew, and from a local relation that takes no Spark job
     * (a cached DataFrame costs a job per batch whose tasks carry the whole CSV scan's plan).
     */
    private Dataset<Row> loadSongs(SparkSession spark) {
        try {
            Dataset<Row> loaded = Songs.load(spark, config.songs());
            Dataset<Row> songs = spark.createDataFrame(loaded.collectAsList(), loaded.schema());
            LOG.info("{} songs loaded from {}", songs.count(), config.songs());
            return songs;
        } catch (Exception e) {
            // Scala code throws these checked exceptions without declaring them: a missing file, a malformed line.
            if (e instanceof AnalysisException || e instanceof SparkException) {
                throw new UserError("cannot load the songs CSV " + config.songs() + ": " + Outages.rootMessage(e), e);
            }
            throw e;
        }
    }

    /** The Kafka client properties as the Kafka source takes them. */
    static Map<String, String> sourceOptions(KafkaClient kafka) {
        Map<String, String> options = new LinkedHashMap<>();
        kafka.properties(Map.of()).forEach((name, value) -> options.put("kafka." + name, String.valueOf(value)));
        return options;
    }

    /** The source's minPartitions when set; unset, Spark reads one task per Kafka partition. */
    static Map<String, String> partitioning(int minPartitions) {
        return minPartitions > 0 ? Map.of("minPartitions", Integer.toString(minPartitions)) : Map.of();
    }

    /** The topic as the Kafka source reads it; each query has its own source and offsets. */
    private Dataset<Row> kafka(SparkSession spark) {
        return spark.readStream()
                .format("kafka")
                // --kafka-config's client properties, as the source takes them: prefixed with "kafka."
                .options(sourceOptions(config.kafka()))
                .option("subscribe", config.topic())
                .option("startingOffsets", config.startingOffsets())
                .option("maxOffsetsPerTrigger", config.maxOffsetsPerTrigger())
                .options(partitioning(config.minPartitions()))
                // Records deleted by retention before they were read must stop the job, not vanish.
                .option("failOnDataLoss", true)
                .load();
    }

    private static StreamingQuery start(DataStreamWriter<Row> writer, String name, Duration trigger, String checkpoint,
                                        VoidFunction2<Dataset<Row>, Long> batches) {
        try {
            return writer.queryName(name)
                    .trigger(Trigger.ProcessingTime(trigger.toMillis()))
                    .option("checkpointLocation", checkpoint)
                    .foreachBatch(batches)
                    .start();
        } catch (TimeoutException e) {
            throw new UserError("the streaming query " + name + " did not start: " + e.getMessage(), e);
        }
    }

    private static void stop(StreamingQuery query) {
        if (query.isActive()) {
            LOG.info("stopping: the batch in flight, if any, is replayed on restart ({})", query.name());
            try {
                query.stop();
            } catch (TimeoutException e) {
                LOG.warn("the query did not stop in time: {}", e.getMessage());
            }
        }
    }

    /**
     * A stopped query's jobs end after it (cancelling them is asynchronous): the context must not be stopped under
     * them, or their tasks, killed or still pending, fail on an executor or block manager that is gone and log it.
     */
    private static void awaitCancelledJobs(SparkSession spark) {
        SparkStatusTracker tracker = spark.sparkContext().statusTracker();
        long giveUp = System.nanoTime() + CANCELLED_JOBS_GRACE.toNanos();
        while ((tracker.getActiveJobIds().length > 0 || runningTasks(tracker) > 0) && System.nanoTime() < giveUp) {
            try {
                Thread.sleep(CANCELLED_JOBS_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int runningTasks(SparkStatusTracker tracker) {
        return Arrays.stream(tracker.getExecutorInfos()).mapToInt(SparkExecutorInfo::numRunningTasks).sum();
    }

    /**
     * No batch, idle trigger or retry for the stall timeout: the stream thread is stuck where no
     * timeout reaches. Says where, then exits; the checkpoint replays the batch in flight on restart.
     * Halts if the orderly exit itself hangs on the stuck thread.
     */
    private static void stalled(Duration silent) {
        LOG.error("the stream made no progress for {} s (no batch finished, no idle trigger, no retry); exiting with code {} "
                + "so that a restart resumes from the checkpoint", silent.toSeconds(), EXIT_STALLED);
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith(STREAM_THREAD_PREFIX)) {
                LOG.warn("{} is at:{}", thread.getName(), Arrays.stream(stack).limit(STACK_FRAMES_LOGGED)
                        .map(frame -> "\n    at " + frame).collect(Collectors.joining()));
            }
        });
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(EXIT_STALLED);
        }, "stall-halt");
        halt.setDaemon(true);
        halt.start();
        new Thread(() -> System.exit(EXIT_STALLED), "stall-exit").start();
    }

    /** Our own message when Cassandra stayed out, else the innermost cause. */
    private static String failure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutageRetry.CassandraUnavailableException) {
                return t.getMessage();
            }
        }
        return Outages.rootMessage(e);
    }
}

package dev.listening.contract;

import dev.listening.contract.options.CassandraOptions;
import dev.listening.contract.options.KafkaOptions;
import dev.listening.contract.options.KeyspaceOption;
import dev.listening.contract.options.SongsOption;
import dev.listening.contract.options.TopicOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The streamer job's options, declared once: the job's main and ./pipeline stream take them as a
 * mixin, and the launcher in the stack module builds the job's arguments from the same names. In the
 * contract so that none of them depends on the job (Spark).
 */
public final class StreamerOptions {
    public static final String MAIN_CLASS = "dev.listening.streamer.StreamerMain";

    public static final String BOOTSTRAP = KafkaOptions.BOOTSTRAP;
    public static final String TOPIC = TopicOption.TOPIC;
    public static final String CASSANDRA = CassandraOptions.CASSANDRA;
    public static final String DATACENTER = CassandraOptions.DATACENTER;
    public static final String KEYSPACE = KeyspaceOption.KEYSPACE;
    public static final String CONSISTENCY = "--consistency";
    public static final String SONGS = "--songs";
    public static final String TRIGGER = "--trigger";
    public static final String MAX_OFFSETS_PER_TRIGGER = "--max-offsets-per-trigger";
    public static final String MIN_PARTITIONS = "--min-partitions";
    public static final String STARTING_OFFSETS = "--starting-offsets";
    public static final String CHECKPOINT = "--checkpoint";
    public static final String RETRY_TIMEOUT = "--retry-timeout";
    public static final String ROLLUP_INTERVAL = "--rollup-interval";
    public static final String ROLLUP_LATENESS = "--rollup-lateness";
    public static final String STALL_TIMEOUT = "--stall-timeout";
    public static final String METRICS_FILE = "--metrics-file";
    public static final String METRICS_PORT = "--metrics-port";
    public static final String METRICS_ADDRESS = "--metrics-address";

    /** One replica acknowledges: right for one local node; clusters pass LOCAL_QUORUM. */
    public static final String DEFAULT_CONSISTENCY = "LOCAL_ONE";
    public static final String DEFAULT_TRIGGER = "30s";
    /** Bounds the first batch on a long backlog, so progress shows and memory stays flat. */
    public static final String DEFAULT_MAX_OFFSETS_PER_TRIGGER = "100000";
    /**
     * None: one Spark task per Kafka partition, so the topic's partitions set the read's and the write's
     * parallelism, and a listener's events stay in one task.
     */
    public static final String DEFAULT_MIN_PARTITIONS = "0";
    public static final String DEFAULT_STARTING_OFFSETS = "earliest";
    /** How long a batch keeps retrying while Cassandra is unreachable before the job gives up. */
    public static final String DEFAULT_RETRY_TIMEOUT = "10m";
    /** Rollups trail the history by about this much; a longer interval spreads each state commit over more events. */
    public static final String DEFAULT_ROLLUP_INTERVAL = "10s";
    /**
     * The rollups' watermark: events older than the newest event time seen minus this are stored but not rolled
     * up. Also how long event ids are kept to drop a resent event, and a day's sums after the day ended.
     */
    public static final String DEFAULT_ROLLUP_LATENESS = "10m";
    /**
     * With no batch, idle trigger or retry for this long the job exits (code 3) instead of hanging; well
     * above a slow batch of the default size and the longest wait between retries (10 s).
     */
    public static final String DEFAULT_STALL_TIMEOUT = "5m";
    /** The Prometheus exporters' usual port; 0 turns the endpoint off. */
    public static final String DEFAULT_METRICS_PORT = "9464";
    /** Only this machine can scrape the endpoint unless the user opens it. */
    public static final String DEFAULT_METRICS_ADDRESS = Env.DEFAULT_HOST;
    /** Relative to the project root (system property pipeline.root). */
    public static final String DEFAULT_SONGS = SongsOption.DEFAULT_SONGS;
    /** Under $PIPELINE_HOME; one checkpoint per topic and keyspace, named {@code <topic>-<keyspace>}. */
    public static final String CHECKPOINTS_DIR = "checkpoints";

    @Mixin
    public KafkaOptions kafka;

    @Mixin
    public TopicOption topic;

    @Mixin
    public CassandraOptions cassandra;

    @Mixin
    public KeyspaceOption keyspace;

    @Option(names = CONSISTENCY, paramLabel = "LEVEL", defaultValue = DEFAULT_CONSISTENCY,
            description = "Write consistency level: ${DEFAULT-VALUE} for one local node, LOCAL_QUORUM on a cluster. "
                    + "Default: ${DEFAULT-VALUE}.")
    public String consistency;

    @Mixin
    public SongsOption songs;

    @Option(names = TRIGGER, paramLabel = "DURATION", defaultValue = DEFAULT_TRIGGER, converter = Interval.class,
            description = "Micro-batch interval, e.g. 1s for low latency; 0 starts each batch as soon as the last one ends. "
                    + "Default: ${DEFAULT-VALUE}.")
    public Duration trigger;

    @Option(names = MAX_OFFSETS_PER_TRIGGER, paramLabel = "N", defaultValue = DEFAULT_MAX_OFFSETS_PER_TRIGGER,
            description = "At most this many records per micro-batch. Default: ${DEFAULT-VALUE}.")
    public long maxOffsetsPerTrigger;

    @Option(names = MIN_PARTITIONS, paramLabel = "N", defaultValue = DEFAULT_MIN_PARTITIONS,
            description = "Read each batch in at least N Spark tasks (the Kafka source's minPartitions): above the topic's "
                    + "partitions, Spark splits the larger partitions' offset ranges, so that more executor cores than "
                    + "partitions share a batch. 0: one task per Kafka partition. Default: ${DEFAULT-VALUE}.")
    public int minPartitions;

    @Option(names = STARTING_OFFSETS, paramLabel = "OFFSETS", defaultValue = DEFAULT_STARTING_OFFSETS,
            description = "Where a new checkpoint starts: earliest, latest or Spark's JSON offsets; an existing checkpoint "
                    + "resumes where it stopped. Default: ${DEFAULT-VALUE}.")
    public String startingOffsets;

    @Option(names = CHECKPOINT, paramLabel = "DIR",
            description = "Checkpoint directory (on a cluster: a shared file system). "
                    + "Default: $" + Env.HOME + "/" + CHECKPOINTS_DIR + "/<topic>-<keyspace> under the project root.")
    public Path checkpoint;

    @Option(names = RETRY_TIMEOUT, paramLabel = "DURATION", defaultValue = DEFAULT_RETRY_TIMEOUT, converter = Interval.class,
            description = "How long a batch keeps retrying while Cassandra is unreachable before the job exits with an error. "
                    + "Default: ${DEFAULT-VALUE}.")
    public Duration retryTimeout;

    @Option(names = ROLLUP_INTERVAL, paramLabel = "DURATION", defaultValue = DEFAULT_ROLLUP_INTERVAL, converter = Interval.class,
            description = "How often the rollup tables are brought up to date with the events that arrived since (the rollups' "
                    + "own micro-batch interval); they trail the history by about this much. Default: ${DEFAULT-VALUE}.")
    public Duration rollupInterval;

    @Option(names = ROLLUP_LATENESS, paramLabel = "DURATION", defaultValue = DEFAULT_ROLLUP_LATENESS, converter = Interval.class,
            description = "The rollups' watermark: an event older than the newest event time seen minus this is stored in the "
                    + "history but not rolled up (counted as late; ./pipeline rollups rebuild adds it). Default: ${DEFAULT-VALUE}.")
    public Duration rollupLateness;

    @Option(names = STALL_TIMEOUT, paramLabel = "DURATION", defaultValue = DEFAULT_STALL_TIMEOUT, converter = Interval.class,
            description = "With no batch finished, no idle trigger and no retry for this long, the job exits with code 3 "
                    + "instead of hanging; a restart resumes from the checkpoint. Default: ${DEFAULT-VALUE}.")
    public Duration stallTimeout;

    @Option(names = METRICS_FILE, paramLabel = "PATH",
            description = "Where each batch's metrics are appended as a JSON line. "
                    + "Default: <checkpoint>-metrics.jsonl beside the checkpoint directory.")
    public Path metricsFile;

    @Option(names = METRICS_PORT, paramLabel = "PORT", defaultValue = DEFAULT_METRICS_PORT,
            description = "Port of the job's Prometheus endpoint (/metrics); 0 turns it off. Default: ${DEFAULT-VALUE}.")
    public int metricsPort;

    @Option(names = METRICS_ADDRESS, paramLabel = "ADDRESS", defaultValue = DEFAULT_METRICS_ADDRESS,
            description = "Address the Prometheus endpoint listens on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
    public String metricsAddress;

    /** --checkpoint, or {@code home}/checkpoints/TOPIC-KEYSPACE; absolute either way. */
    public Path checkpoint(Path home) {
        Path directory = checkpoint != null ? checkpoint : defaultCheckpoint(home, topic.topic(), keyspace.keyspace());
        return directory.toAbsolutePath().normalize();
    }

    /** {@code home}/checkpoints/TOPIC-KEYSPACE: a restart with the same topic and keyspace resumes. */
    public static Path defaultCheckpoint(Path home, String topic, String keyspace) {
        return home.resolve(CHECKPOINTS_DIR).resolve(topic + "-" + keyspace);
    }

    /** --metrics-file, or the default beside {@code checkpoint}. */
    public Path metricsFile(Path checkpoint) {
        return metricsFile != null ? metricsFile.toAbsolutePath().normalize() : defaultMetricsFile(checkpoint);
    }

    /** CHECKPOINT-metrics.jsonl beside the checkpoint: its runs' batches, appended across restarts. */
    public static Path defaultMetricsFile(Path checkpoint) {
        return checkpoint.resolveSibling(checkpoint.getFileName() + "-metrics.jsonl");
    }
}

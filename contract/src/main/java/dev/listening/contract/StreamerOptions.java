package dev.listening.contract;

import java.nio.file.Path;

/**
 * The streamer job's command-line options and their defaults, in the contract so that the job, its
 * launcher in the stack module and the commands share them without depending on the job (Spark).
 */
public final class StreamerOptions {
    public static final String MAIN_CLASS = "dev.listening.streamer.StreamerMain";

    public static final String BOOTSTRAP = "--bootstrap";
    public static final String TOPIC = "--topic";
    public static final String CASSANDRA = "--cassandra";
    public static final String DATACENTER = "--datacenter";
    public static final String KEYSPACE = "--keyspace";
    public static final String CONSISTENCY = "--consistency";
    public static final String SONGS = "--songs";
    public static final String TRIGGER = "--trigger";
    public static final String MAX_OFFSETS_PER_TRIGGER = "--max-offsets-per-trigger";
    public static final String STARTING_OFFSETS = "--starting-offsets";
    public static final String CHECKPOINT = "--checkpoint";
    public static final String RETRY_TIMEOUT = "--retry-timeout";
    public static final String ROLLUP_INTERVAL = "--rollup-interval";
    public static final String STALL_TIMEOUT = "--stall-timeout";
    public static final String METRICS_FILE = "--metrics-file";
    public static final String METRICS_PORT = "--metrics-port";
    public static final String METRICS_ADDRESS = "--metrics-address";

    /** One replica acknowledges: right for one local node; clusters pass LOCAL_QUORUM. */
    public static final String DEFAULT_CONSISTENCY = "LOCAL_ONE";
    public static final String DEFAULT_TRIGGER = "30s";
    /** Bounds the first batch on a long backlog, so progress shows and memory stays flat. */
    public static final String DEFAULT_MAX_OFFSETS_PER_TRIGGER = "100000";
    public static final String DEFAULT_STARTING_OFFSETS = "earliest";
    /** How long a batch keeps retrying while Cassandra is unreachable before the job gives up. */
    public static final String DEFAULT_RETRY_TIMEOUT = "10m";
    /** Rollups trail the history by about this much; a longer interval recomputes shared hours and days less often. */
    public static final String DEFAULT_ROLLUP_INTERVAL = "10s";
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
    public static final String DEFAULT_SONGS = "data/spotify-songs.csv";
    /** Under $PIPELINE_HOME; one checkpoint per topic and keyspace, named {@code <topic>-<keyspace>}. */
    public static final String CHECKPOINTS_DIR = "checkpoints";

    private StreamerOptions() {
    }

    /** {@code home}/checkpoints/TOPIC-KEYSPACE: a restart with the same topic and keyspace resumes. */
    public static Path defaultCheckpoint(Path home, String topic, String keyspace) {
        return home.resolve(CHECKPOINTS_DIR).resolve(topic + "-" + keyspace);
    }

    /** CHECKPOINT-metrics.jsonl beside the checkpoint: its runs' batches, appended across restarts. */
    public static Path defaultMetricsFile(Path checkpoint) {
        return checkpoint.resolveSibling(checkpoint.getFileName() + "-metrics.jsonl");
    }
}

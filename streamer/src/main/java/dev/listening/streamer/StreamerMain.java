package dev.listening.streamer;

import static dev.listening.contract.StreamerOptions.*;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.Cli;
import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.contract.StreamerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * spark-submit's main class: reads the options and runs {@link StreamerJob}. The master comes from
 * spark-submit (--master), local[*] when run without one.
 */
@Command(name = "streamer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Streams listening events from Kafka into Cassandra " + Names.HISTORY_TABLE
                        + " (malformed records into " + Names.DEAD_LETTER_TABLE + ") until stopped.",
                "Restarted with the same checkpoint, it resumes where it stopped."})
public final class StreamerMain implements Callable<Integer> {
    static final String ROOT_PROPERTY = "pipeline.root";

    @Option(names = BOOTSTRAP, defaultValue = Env.KAFKA_OPTION, paramLabel = "HOST:PORT[,..]",
            description = "Kafka bootstrap servers (env " + Env.KAFKA + "; default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = TOPIC, defaultValue = Env.TOPIC_OPTION,
            description = "Topic of listening events (env " + Env.TOPIC + "; default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = CASSANDRA, defaultValue = Env.CASSANDRA_OPTION, paramLabel = "HOST:PORT[,..]",
            description = "Cassandra contact points (env " + Env.CASSANDRA + "; default: ${DEFAULT-VALUE}).")
    String cassandra;

    @Option(names = DATACENTER, defaultValue = Env.DATACENTER_OPTION,
            description = "Cassandra local data centre (env " + Env.DATACENTER + "; default: ${DEFAULT-VALUE}).")
    String datacenter;

    @Option(names = KEYSPACE, defaultValue = Env.KEYSPACE_OPTION,
            description = "Keyspace with " + Names.HISTORY_TABLE + " and " + Names.DEAD_LETTER_TABLE
                    + " (env " + Env.KEYSPACE + "; default: ${DEFAULT-VALUE}).")
    String keyspace;

    @Option(names = CONSISTENCY, defaultValue = DEFAULT_CONSISTENCY, paramLabel = "LEVEL",
            description = "Write consistency level: ${DEFAULT-VALUE} for one local node, LOCAL_QUORUM on a cluster "
                    + "(one of ${COMPLETION-CANDIDATES}).")
    DefaultConsistencyLevel consistency;

    @Option(names = SONGS, defaultValue = "${sys:" + ROOT_PROPERTY + ":-.}/" + DEFAULT_SONGS, paramLabel = "PATH",
            description = "Songs CSV, read by Spark (on a cluster: a path every executor can read; default: ${DEFAULT-VALUE}).")
    String songs;

    @Option(names = TRIGGER, defaultValue = DEFAULT_TRIGGER, converter = Interval.class, paramLabel = "DURATION",
            description = "Micro-batch interval, e.g. 1s for low latency (default: ${DEFAULT-VALUE}).")
    Duration trigger;

    @Option(names = MAX_OFFSETS_PER_TRIGGER, defaultValue = DEFAULT_MAX_OFFSETS_PER_TRIGGER, paramLabel = "N",
            description = "At most this many records per micro-batch (default: ${DEFAULT-VALUE}).")
    long maxOffsetsPerTrigger;

    @Option(names = STARTING_OFFSETS, defaultValue = DEFAULT_STARTING_OFFSETS, paramLabel = "OFFSETS",
            description = "Where a new checkpoint starts: earliest, latest or Spark's JSON offsets; "
                    + "an existing checkpoint resumes where it stopped (default: ${DEFAULT-VALUE}).")
    String startingOffsets;

    @Option(names = CHECKPOINT, paramLabel = "DIR",
            description = "Checkpoint directory (on a cluster: a shared file system; "
                    + "default: $" + Env.HOME + "/" + CHECKPOINTS_DIR + "/<topic>-<keyspace> under the project root).")
    String checkpoint;

    @Option(names = RETRY_TIMEOUT, defaultValue = DEFAULT_RETRY_TIMEOUT, converter = Interval.class, paramLabel = "DURATION",
            description = "How long a batch keeps retrying while Cassandra is unreachable before the job exits with an error "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration retryTimeout;

    @Option(names = ROLLUP_INTERVAL, defaultValue = DEFAULT_ROLLUP_INTERVAL, converter = Interval.class, paramLabel = "DURATION",
            description = "How often the rollup tables are brought up to date with what the batches since wrote; they trail "
                    + "listening_history by about this much (default: ${DEFAULT-VALUE}).")
    Duration rollupInterval;

    @Option(names = STALL_TIMEOUT, defaultValue = DEFAULT_STALL_TIMEOUT, converter = Interval.class, paramLabel = "DURATION",
            description = "With no batch finished, no idle trigger and no retry for this long, the job exits with code 3 "
                    + "instead of hanging; a restart resumes from the checkpoint (default: ${DEFAULT-VALUE}).")
    Duration stallTimeout;

    @Option(names = METRICS_FILE, paramLabel = "PATH",
            description = "Where each batch's metrics are appended as a JSON line "
                    + "(default: <checkpoint>-metrics.jsonl beside the checkpoint directory).")
    String metricsFile;

    @Option(names = METRICS_PORT, defaultValue = DEFAULT_METRICS_PORT, paramLabel = "PORT",
            description = "Port of the Prometheus endpoint (/metrics); 0 turns it off (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = METRICS_ADDRESS, defaultValue = DEFAULT_METRICS_ADDRESS, paramLabel = "ADDRESS",
            description = "Address the Prometheus endpoint listens on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String metricsAddress;

    public static void main(String[] args) {
        System.exit(Cli.execute(new StreamerMain(), args));
    }

    @Override
    public Integer call() {
        new StreamerJob(config()).run();
        return 0;
    }

    StreamerConfig config() {
        String checkpointDir = checkpoint != null ? checkpoint : defaultCheckpoint();
        return new StreamerConfig(bootstrap, topic, cassandra, datacenter, keyspace, consistency, songs, trigger,
                maxOffsetsPerTrigger, startingOffsets, checkpointDir, retryTimeout, rollupInterval, stallTimeout,
                metricsFile != null ? metricsFile : StreamerOptions.defaultMetricsFile(Path.of(checkpointDir)).toString(),
                metricsPort, metricsAddress);
    }

    private String defaultCheckpoint() {
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, "."));
        Path home = root.resolve(System.getenv().getOrDefault(Env.HOME, Env.DEFAULT_HOME));
        return StreamerOptions.defaultCheckpoint(home, topic, keyspace).toAbsolutePath().normalize().toString();
    }
}

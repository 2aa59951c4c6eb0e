package dev.listening.stack.spark;

import dev.listening.contract.Env;
import dev.listening.contract.Interval;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.options.KafkaOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The streamer job's arguments, as ./pipeline stream, the demo and the tests pass them. Option
 * names and defaults are the job's own ({@link StreamerOptions}).
 */
public record StreamerSubmission(String bootstrap, String topic, String cassandra, String datacenter, String keyspace,
                                 String consistency, Path songs, String trigger, long maxOffsetsPerTrigger,
                                 int minPartitions, String startingOffsets, Path checkpoint, String retryTimeout,
                                 String rollupInterval, String rollupLateness, String stallTimeout, Path kafkaConfig, int metricsPort,
                                 String metricsAddress, Path metricsFile) {

    /** The job's options as ./pipeline stream read them; the checkpoint defaults to one under {@code home}. */
    public static StreamerSubmission of(StreamerOptions options, Path home) {
        Path checkpoint = options.checkpoint(home);
        return new StreamerSubmission(options.kafka.bootstrap(), options.topic.topic(), options.cassandra.cassandra(),
                options.cassandra.datacenter(), options.keyspace.keyspace(), options.consistency, options.songs.songs(),
                Interval.format(options.trigger), options.maxOffsetsPerTrigger, options.minPartitions, options.startingOffsets,
                checkpoint, Interval.format(options.retryTimeout), Interval.format(options.rollupInterval),
                Interval.format(options.rollupLateness), Interval.format(options.stallTimeout), options.kafka.client().config(),
                options.metricsPort, options.metricsAddress, options.metricsFile(checkpoint));
    }

    /**
     * The job's defaults for everything but where Kafka and Cassandra are, which topic and keyspace to use, and
     * the Prometheus endpoint: off, since tests and benchmarks run several jobs at once ({@link #withMetricsPort}).
     */
    public static StreamerSubmission defaults(Path root, Path home, String bootstrap, String cassandra,
                                              String topic, String keyspace) {
        Path checkpoint = StreamerOptions.defaultCheckpoint(home, topic, keyspace);
        return new StreamerSubmission(bootstrap, topic, cassandra, Env.DEFAULT_DATACENTER, keyspace,
                StreamerOptions.DEFAULT_CONSISTENCY, root.resolve(StreamerOptions.DEFAULT_SONGS),
                StreamerOptions.DEFAULT_TRIGGER, Long.parseLong(StreamerOptions.DEFAULT_MAX_OFFSETS_PER_TRIGGER),
                Integer.parseInt(StreamerOptions.DEFAULT_MIN_PARTITIONS),
                StreamerOptions.DEFAULT_STARTING_OFFSETS, checkpoint, StreamerOptions.DEFAULT_RETRY_TIMEOUT,
                StreamerOptions.DEFAULT_ROLLUP_INTERVAL, StreamerOptions.DEFAULT_ROLLUP_LATENESS, StreamerOptions.DEFAULT_STALL_TIMEOUT, null, 0,
                StreamerOptions.DEFAULT_METRICS_ADDRESS, StreamerOptions.defaultMetricsFile(checkpoint));
    }

    public StreamerSubmission withDatacenter(String name) {
        return with(c -> c.datacenter = name);
    }

    public StreamerSubmission withConsistency(String level) {
        return with(c -> c.consistency = level);
    }

    public StreamerSubmission withSongs(Path csv) {
        return with(c -> c.songs = csv);
    }

    public StreamerSubmission withTrigger(String interval) {
        return with(c -> c.trigger = interval);
    }

    public StreamerSubmission withMaxOffsetsPerTrigger(long records) {
        return with(c -> c.maxOffsetsPerTrigger = records);
    }

    public StreamerSubmission withMinPartitions(int partitions) {
        return with(c -> c.minPartitions = partitions);
    }

    public StreamerSubmission withStartingOffsets(String offsets) {
        return with(c -> c.startingOffsets = offsets);
    }

    /** The checkpoint in {@code directory}, and the metrics file beside it. */
    public StreamerSubmission withCheckpoint(Path directory) {
        return with(c -> {
            c.checkpoint = directory;
            c.metricsFile = StreamerOptions.defaultMetricsFile(directory);
        });
    }

    public StreamerSubmission withRollupInterval(String interval) {
        return with(c -> c.rollupInterval = interval);
    }

    public StreamerSubmission withRollupLateness(String lateness) {
        return with(c -> c.rollupLateness = lateness);
    }

    /** The Prometheus endpoint on {@code port}, 0 for none; any free port for a test that scrapes it. */
    public StreamerSubmission withMetricsPort(int port) {
        return with(c -> c.metricsPort = port);
    }

    /** A copy with {@code change} made to its components: the one place the withers list them all. */
    private StreamerSubmission with(Consumer<Components> change) {
        Components components = new Components(this);
        change.accept(components);
        return components.submission();
    }

    /** The job's arguments: a path to the Kafka client properties, never a secret (those go into its environment). */
    public List<String> args() {
        List<String> args = new ArrayList<>(List.of(
                StreamerOptions.BOOTSTRAP, bootstrap,
                StreamerOptions.TOPIC, topic,
                StreamerOptions.CASSANDRA, cassandra,
                StreamerOptions.DATACENTER, datacenter,
                StreamerOptions.KEYSPACE, keyspace,
                StreamerOptions.CONSISTENCY, consistency,
                StreamerOptions.SONGS, songs.toString(),
                StreamerOptions.TRIGGER, trigger,
                StreamerOptions.MAX_OFFSETS_PER_TRIGGER, Long.toString(maxOffsetsPerTrigger),
                StreamerOptions.MIN_PARTITIONS, Integer.toString(minPartitions),
                StreamerOptions.STARTING_OFFSETS, startingOffsets,
                StreamerOptions.CHECKPOINT, checkpoint.toString(),
                StreamerOptions.RETRY_TIMEOUT, retryTimeout,
                StreamerOptions.ROLLUP_INTERVAL, rollupInterval,
                StreamerOptions.ROLLUP_LATENESS, rollupLateness,
                StreamerOptions.STALL_TIMEOUT, stallTimeout,
                StreamerOptions.METRICS_FILE, metricsFile.toString(),
                StreamerOptions.METRICS_PORT, Integer.toString(metricsPort),
                StreamerOptions.METRICS_ADDRESS, metricsAddress));
        if (kafkaConfig != null) {
            args.addAll(List.of(KafkaOptions.KAFKA_CONFIG, kafkaConfig.toString()));
        }
        return args;
    }

    /** The streamer as a Spark job on {@code master} (local[*], local[2], spark://host:7077, ...). */
    public SparkJob job(SparkRuntime runtime, String master) {
        return runtime.job(master, runtime.streamerJar(), StreamerOptions.MAIN_CLASS, args());
    }

    /** The streamer with spark-submit's --conf {@code conf}; on a cluster master its executors sized by {@code resources}. */
    public SparkJob job(SparkRuntime runtime, String master, ExecutorResources resources, Map<String, String> conf) {
        return runtime.job(master, resources, conf, runtime.streamerJar(), StreamerOptions.MAIN_CLASS, args());
    }

    /** The components, changeable, for {@link #with}. */
    private static final class Components {
        String bootstrap, topic, cassandra, datacenter, keyspace, consistency, trigger, startingOffsets, retryTimeout,
                rollupInterval, rollupLateness, stallTimeout, metricsAddress;
        Path songs, checkpoint, kafkaConfig, metricsFile;
        long maxOffsetsPerTrigger;
        int minPartitions, metricsPort;

        Components(StreamerSubmission s) {
            bootstrap = s.bootstrap;
            topic = s.topic;
            cassandra = s.cassandra;
            datacenter = s.datacenter;
            keyspace = s.keyspace;
            consistency = s.consistency;
            songs = s.songs;
            trigger = s.trigger;
            maxOffsetsPerTrigger = s.maxOffsetsPerTrigger;
            minPartitions = s.minPartitions;
            startingOffsets = s.startingOffsets;
            checkpoint = s.checkpoint;
            retryTimeout = s.retryTimeout;
            rollupInterval = s.rollupInterval;
            rollupLateness = s.rollupLateness;
            stallTimeout = s.stallTimeout;
            kafkaConfig = s.kafkaConfig;
            metricsPort = s.metricsPort;
            metricsAddress = s.metricsAddress;
            metricsFile = s.metricsFile;
        }

        StreamerSubmission submission() {
            return new StreamerSubmission(bootstrap, topic, cassandra, datacenter, keyspace, consistency, songs, trigger,
                    maxOffsetsPerTrigger, minPartitions, startingOffsets, checkpoint, retryTimeout, rollupInterval, rollupLateness,
                    stallTimeout,
                    kafkaConfig, metricsPort, metricsAddress, metricsFile);
        }
    }
}

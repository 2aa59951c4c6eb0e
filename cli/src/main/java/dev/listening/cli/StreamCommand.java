package dev.listening.cli;

import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.contract.StreamerOptions;
import dev.listening.stack.ProjectRoot;
import dev.listening.stack.spark.ExecutorResources;
import dev.listening.stack.spark.MasterUi;
import dev.listening.stack.spark.SparkJob;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/** ./pipeline stream: the streamer job in the foreground, started the way spark-submit starts it. */
@Command(name = "stream", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Streams listening events from Kafka into Cassandra " + Names.HISTORY_TABLE + " (malformed records into "
                        + Names.DEAD_LETTER_TABLE + ") until Ctrl-C, which stops the query cleanly.",
                "Runs streamer/target/streamer-*-job.jar with Spark's SparkSubmit on --master, as spark-submit would; "
                        + "one line per micro-batch, and its metrics in <checkpoint>-metrics.jsonl and on --metrics-port. "
                        + "Restarted with the same checkpoint, it resumes where it stopped."})
public final class StreamCommand implements Callable<Integer> {
    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master, passed to SparkSubmit: local[N], spark://host:7077, ... Default: ${DEFAULT-VALUE}.")
    String master;

    @Option(names = "--executor-memory", paramLabel = "SIZE", defaultValue = "768m",
            description = "Cluster masters: memory of each executor (spark.executor.memory). Default: ${DEFAULT-VALUE}.")
    String executorMemory;

    @Option(names = "--executor-cores", paramLabel = "N", defaultValue = "1",
            description = "Cluster masters: cores of each executor (spark.executor.cores). Default: ${DEFAULT-VALUE}.")
    int executorCores;

    @Option(names = "--total-executor-cores", paramLabel = "N",
            description = "Cluster masters: cores of all executors together (spark.cores.max). Default: all the cluster offers.")
    Integer totalExecutorCores;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, as spark-submit's --conf; repeatable, e.g. --conf spark.cassandra.output.concurrent.writes=10.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--master-ui-port", paramLabel = "PORT", defaultValue = Env.SPARK_UI_PORT_OPTION,
            description = "spark:// masters: the master's web UI port, to print its address (env " + Env.SPARK_UI_PORT
                    + "). Default: ${DEFAULT-VALUE}.")
    int masterUiPort;

    @Option(names = StreamerOptions.BOOTSTRAP, paramLabel = "HOST:PORT[,..]", defaultValue = Env.KAFKA_OPTION,
            description = "Kafka bootstrap servers (env " + Env.KAFKA + "). Default: ${DEFAULT-VALUE}.")
    String bootstrap;

    @Option(names = StreamerOptions.TOPIC, paramLabel = "NAME", defaultValue = Env.TOPIC_OPTION,
            description = "Topic of listening events (env " + Env.TOPIC + "). Default: ${DEFAULT-VALUE}.")
    String topic;

    @Option(names = StreamerOptions.CASSANDRA, paramLabel = "HOST:PORT[,..]", defaultValue = Env.CASSANDRA_OPTION,
            description = "Cassandra contact points (env " + Env.CASSANDRA + "). Default: ${DEFAULT-VALUE}.")
    String cassandra;

    @Option(names = StreamerOptions.DATACENTER, paramLabel = "NAME", defaultValue = Env.DATACENTER_OPTION,
            description = "Cassandra local data centre (env " + Env.DATACENTER + "). Default: ${DEFAULT-VALUE}.")
    String datacenter;

    @Option(names = StreamerOptions.KEYSPACE, paramLabel = "NAME", defaultValue = Env.KEYSPACE_OPTION,
            description = "Keyspace (env " + Env.KEYSPACE + "). Default: ${DEFAULT-VALUE}.")
    String keyspace;

    @Option(names = StreamerOptions.CONSISTENCY, paramLabel = "LEVEL", defaultValue = StreamerOptions.DEFAULT_CONSISTENCY,
            description = "Write consistency: ${DEFAULT-VALUE} for the one local node; LOCAL_QUORUM on a cluster.")
    String consistency;

    @Option(names = StreamerOptions.SONGS, paramLabel = "PATH",
            defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/" + StreamerOptions.DEFAULT_SONGS,
            description = "Songs CSV. Default: ${DEFAULT-VALUE}.")
    Path songs;

    @Option(names = StreamerOptions.TRIGGER, paramLabel = "DURATION", defaultValue = StreamerOptions.DEFAULT_TRIGGER,
            description = "Micro-batch interval, e.g. 1s for low latency. Default: ${DEFAULT-VALUE}.")
    String trigger;

    @Option(names = StreamerOptions.MAX_OFFSETS_PER_TRIGGER, paramLabel = "N",
            defaultValue = StreamerOptions.DEFAULT_MAX_OFFSETS_PER_TRIGGER,
            description = "At most this many records per micro-batch. Default: ${DEFAULT-VALUE}.")
    long maxOffsetsPerTrigger;

    @Option(names = StreamerOptions.STARTING_OFFSETS, paramLabel = "OFFSETS",
            defaultValue = StreamerOptions.DEFAULT_STARTING_OFFSETS,
            description = "Where a new checkpoint starts: earliest, latest or Spark's JSON offsets. Default: ${DEFAULT-VALUE}.")
    String startingOffsets;

    @Option(names = StreamerOptions.CHECKPOINT, paramLabel = "DIR",
            description = "Checkpoint directory. Default: <home>/" + StreamerOptions.CHECKPOINTS_DIR + "/<topic>-<keyspace>.")
    Path checkpoint;

    @Option(names = StreamerOptions.RETRY_TIMEOUT, paramLabel = "DURATION", defaultValue = StreamerOptions.DEFAULT_RETRY_TIMEOUT,
            description = "How long a batch retries while Cassandra is unreachable before the job stops with an error. "
                    + "Default: ${DEFAULT-VALUE}.")
    String retryTimeout;

    @Option(names = StreamerOptions.ROLLUP_INTERVAL, paramLabel = "DURATION", defaultValue = StreamerOptions.DEFAULT_ROLLUP_INTERVAL,
            description = "How often the rollup tables catch up with the batches written since; they trail the history by "
                    + "about this much. Default: ${DEFAULT-VALUE}.")
    String rollupInterval;

    @Option(names = StreamerOptions.METRICS_PORT, paramLabel = "PORT", defaultValue = StreamerOptions.DEFAULT_METRICS_PORT,
            description = "Port of the job's Prometheus endpoint (/metrics); 0 turns it off. Default: ${DEFAULT-VALUE}.")
    int metricsPort;

    @Option(names = StreamerOptions.METRICS_ADDRESS, paramLabel = "ADDRESS", defaultValue = StreamerOptions.DEFAULT_METRICS_ADDRESS,
            description = "Address the Prometheus endpoint listens on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
    String metricsAddress;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = Env.HOME_OPTION,
            description = "Checkpoints, Spark's scratch space and logging configuration; relative paths are taken from "
                    + "the project root (env " + Env.HOME + "). Default: ${DEFAULT-VALUE}.")
    String home;

    @Override
    public Integer call() throws InterruptedException {
        Path root = ProjectRoot.get();
        Path homeDir = ProjectRoot.home(root, home);
        ExecutorResources resources = new ExecutorResources(executorMemory, executorCores,
                totalExecutorCores == null ? OptionalInt.empty() : OptionalInt.of(totalExecutorCores));
        SparkJob job = submission(homeDir).job(new SparkRuntime(root, homeDir), master, resources, conf);
        MasterUi.line(master, masterUiPort).ifPresent(System.out::println);
        try (SparkSubmitProcess streamer = SparkSubmitProcess.startAttached(job)) {
            // Ctrl-C reaches the job too; this only waits for its clean stop (and kills it if it hangs).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(streamer)));
            return streamer.waitFor();
        }
    }

    StreamerSubmission submission(Path homeDir) {
        return new StreamerSubmission(bootstrap, topic, cassandra, datacenter, keyspace, consistency,
                songs.toAbsolutePath().normalize(), trigger, maxOffsetsPerTrigger, startingOffsets,
                checkpoint != null ? checkpoint.toAbsolutePath().normalize()
                        : StreamerOptions.defaultCheckpoint(homeDir, topic, keyspace),
                retryTimeout, rollupInterval, metricsPort, metricsAddress);
    }

    private static void closeQuietly(SparkSubmitProcess streamer) {
        try {
            streamer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.Topics;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.Replication;
import dev.listening.cql.Schema;
import dev.listening.producer.events.EventGenerator;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.songs.SongCatalog;
import dev.listening.stack.LocalStack;
import dev.listening.stack.cassandra.CassandraConfig;
import dev.listening.stack.cassandra.CassandraRing;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.kafka.KafkaConfig;
import dev.listening.stack.kafka.KafkaRing;
import dev.listening.stack.kafka.KafkaService;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.spark.ExecutorResources;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.StreamerSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The streamer's rows/s on the Spark cluster of `up --cluster`, one topic on the three brokers read by
 * four runs, each into a fresh keyspace: 1 and 2 workers (executors of one core, at most 1 or 2 cores in
 * all) on the 3-node ring at RF 3, LOCAL_QUORUM; 2 workers on the ring at RF 1, LOCAL_ONE; 2 workers on a
 * node of its own at RF 1, LOCAL_ONE (started for the run on the address after the ring's, same ports,
 * stopped at the end). A fifth run reads the same events from a broker of its own (on the address after
 * the brokers', same ports) into the ring at RF 3, and both topics' fills (acks=all, idempotent) are timed:
 * 3 brokers with replication 3 against 1.
 */
public final class ClusterThroughput implements Benchmark<ClusterThroughput.Result> {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterThroughput.class);
    private static final long SEED = 20_251_123L;
    private static final int LISTENERS = 50;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final String SOLO_HEAP = "512M";

    private final Settings settings;

    /** @param bootstrap every broker of the cluster, the first of them at {@code brokerControllerPort}'s address */
    public record Settings(String bootstrap, int brokerControllerPort, String ring, int ringNodes, int storagePort, String datacenter, Path root, Path home,
                           Path songs, long records, long warmupRecords, long batchRecords, int partitions, String master,
                           String executorMemory, Path logDir) {
        public Settings {
            if (records < 2 * batchRecords || batchRecords < 1 || warmupRecords < 0 || partitions < 1 || ringNodes < 1) {
                throw new UserError("--records must be at least two batches (2 x " + StreamerOptions.MAX_OFFSETS_PER_TRIGGER
                        + "), --partitions and --cassandra-nodes at least 1, --warmup-records not negative");
            }
        }
    }

    /** The runs, both fills of the topic, and the machine's load average before and after them. */
    public record Result(List<Run> runs, Fill brokers, Fill soloBroker, double loadBefore, double loadAfter) {
    }

    /** The events sent into a topic with acks=all, and how long until the last was acknowledged. */
    public record Fill(long events, Duration took) {
        public double eventsPerSecond() {
            return events * 1e9 / took.toNanos();
        }
    }

    /** One configuration: where it reads and writes and how, and what the streamer made of it. */
    public record Run(String label, int brokers, int nodes, int replicas, DefaultConsistencyLevel consistency, int cores,
                      StreamerMetrics batches, long rowsStored) {
        public double rowsPerSecond(long warmupRecords) {
            return batches.steadyRowsPerSecond(warmupRecords);
        }
    }

    public ClusterThroughput(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Result measure() throws InterruptedException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return runs(loadBefore);
    }

    private Result runs(double loadBefore) throws InterruptedException {
        EventGenerator generator = new EventGenerator(Listeners.generate(LISTENERS, List.of(),
                SEED), SongCatalog.load(settings.songs()).songs(), SEED);
        long total = settings.warmupRecords() + settings.records();
        List<ListeningEvent> events = TopicFill.events(generator, System.currentTimeMillis() - total, total);
        List<Run> runs = new ArrayList<>();
        Replication all = Replication.networkTopology(settings.datacenter(), settings.ringNodes());
        Replication one = Replication.networkTopology(settings.datacenter(), 1);
        DefaultConsistencyLevel quorum = DefaultConsistencyLevel.LOCAL_QUORUM;
        DefaultConsistencyLevel single = DefaultConsistencyLevel.LOCAL_ONE;
        try (CqlSession session = CassandraSessions.open(settings.ring(), settings.datacenter(), REQUEST_TIMEOUT);
             Scratch scratch = new Scratch(settings.bootstrap(), session)) {
            String topic = scratch.topic("cluster", settings.partitions());
            Fill brokers = fill(settings.bootstrap(), topic, events);
            runs.add(run("1 worker", settings.bootstrap(), settings.ring(), settings.ringNodes(), scratch.keyspace("w1_rf3", all), all,
                    quorum, 1, topic, session));
            runs.add(run("2 workers", settings.bootstrap(), settings.ring(), settings.ringNodes(), scratch.keyspace("w2_rf3", all), all,
                    quorum, 2, topic, session));
            runs.add(run("2 workers", settings.bootstrap(), settings.ring(), settings.ringNodes(), scratch.keyspace("w2_rf1", one), one,
                    single, 2, topic, session));
            runs.add(solo(topic, one, single));
            SoloBroker soloBroker = soloBroker(events, scratch.keyspace("w2_b1", all), all, quorum, session);
            runs.add(soloBroker.run());
            return new Result(runs, brokers, soloBroker.fill(), loadBefore,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private record SoloBroker(Fill fill, Run run) {
    }

    /** The same events into a broker of its own (replication 1), streamed into the ring; the broker's data is deleted with it. */
    private SoloBroker soloBroker(List<ListeningEvent> events, String keyspace, Replication replication, DefaultConsistencyLevel consistency,
                                  CqlSession session) throws InterruptedException {
        HostPort firstBroker = HostPort.parse(settings.bootstrap().split(",")[0]);
        HostPort address = firstBroker.plus(KafkaRing.BROKERS).orElseThrow(() -> new UserError("no address after the brokers' "
                + settings.bootstrap() + " for a broker of its own"));
        Path soloHome = settings.home().resolve("bench").resolve("solo-broker");
        KafkaService broker = new KafkaService(new KafkaConfig(address, settings.brokerControllerPort(), soloHome.resolve(KafkaService.NAME)));
        LOG.info("starting a Kafka broker of its own on {}", address);
        LocalStack.startAlone(broker, settings.root(), START_TIMEOUT);
        try {
            String topic = "bench-cluster-solo-broker";
            Topics.ensure(address.toString(), topic, settings.partitions(), REQUEST_TIMEOUT);
            Fill fill = fill(address.toString(), topic, events);
            return new SoloBroker(fill, run("2 workers", 1, address.toString(), settings.ring(), settings.ringNodes(), keyspace,
                    replication, consistency, 2, topic, session));
        } finally {
            LocalStack.stop(soloHome, LocalStack.STOP_TIMEOUT);
            LocalStack.purge(settings.root(), soloHome);
        }
    }

    private static Fill fill(String bootstrap, String topic, List<ListeningEvent> events) {
        long started = System.nanoTime();
        TopicFill.fill(bootstrap, topic, events, REQUEST_TIMEOUT);
        return new Fill(events.size(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** The same run against a node of its own, whose data is deleted with it. */
    private Run solo(String topic, Replication one, DefaultConsistencyLevel single) throws InterruptedException {
        HostPort address = new CassandraRing(HostPort.parse(settings.ring().split(",")[0]), settings.storagePort(),
                settings.ringNodes() + 1, SOLO_HEAP).node(settings.ringNodes());
        Path soloHome = settings.home().resolve("bench").resolve("solo");
        CassandraService node = new CassandraService(CassandraService.NAME, new CassandraConfig(address,
                settings.storagePort(), soloHome.resolve(CassandraService.NAME), address.withPort(settings.storagePort()),
                SOLO_HEAP, null), settings.datacenter());
        LOG.info("starting a Cassandra node of its own on {}", address);
        LocalStack.startAlone(node, settings.root(), START_TIMEOUT);
        try (CqlSession session = CassandraSessions.open(address.toString(), settings.datacenter(), REQUEST_TIMEOUT)) {
            String keyspace = "bench_solo_rf1";
            Schema.load().apply(session, keyspace, one);
            return run("2 workers", settings.bootstrap(), address.toString(), 1, keyspace, one, single, 2, topic, session);
        } finally {
            LocalStack.stop(soloHome, LocalStack.STOP_TIMEOUT);
            LocalStack.purge(settings.root(), soloHome);
        }
    }

    private Run run(String label, String kafka, String cassandra, int nodes, String keyspace, Replication replication,
                    DefaultConsistencyLevel consistency, int cores, String topic, CqlSession session) throws InterruptedException {
        return run(label, KafkaRing.BROKERS, kafka, cassandra, nodes, keyspace, replication, consistency, cores, topic, session);
    }

    private Run run(String label, int brokers, String kafka, String cassandra, int nodes, String keyspace, Replication replication,
                    DefaultConsistencyLevel consistency, int cores, String topic, CqlSession session) throws InterruptedException {
        String name = keyspace.replaceFirst("_[a-z0-9]+$", "");
        StreamerSubmission submission = StreamerSubmission.defaults(settings.root(), settings.home(), kafka, cassandra, topic, keyspace)
                .withDatacenter(settings.datacenter())
                .withSongs(settings.songs())
                .withConsistency(consistency.name())
                .withTrigger("1s")
                .withMaxOffsetsPerTrigger(settings.batchRecords());
        ExecutorResources resources = new ExecutorResources(settings.executorMemory(), 1, OptionalInt.of(cores));
        StreamerMetrics batches;
        long total = settings.warmupRecords() + settings.records();
        try (StreamerRun run = StreamerRun.start(submission.job(new SparkRuntime(settings.root(), settings.home()),
                settings.master(), resources, Map.of()), settings.logDir().resolve("cluster-" + name + ".log"),
                submission.metricsFile())) {
            run.awaitStarted(START_TIMEOUT);
            run.awaitRows(total, START_TIMEOUT.plusSeconds(total / 100));
            batches = run.batches();
        }
        int replicas = replication.factors().values().stream().mapToInt(Integer::intValue).sum();
        Run result = new Run(label, brokers, nodes, replicas, consistency, cores, batches, StreamerThroughput.countRows(session, keyspace));
        LOG.info("{}, {} broker(s), {} node(s), RF {}, {}: {} rows/s", label, brokers, nodes, replicas, consistency,
                Math.round(result.rowsPerSecond(settings.warmupRecords())));
        return result;
    }

    @Override
    public List<String> report(Result result) {
        List<Run> runs = result.runs();
        List<String> lines = new ArrayList<>();
        lines.add("# Cluster throughput: the streamer on a Spark standalone cluster into a Cassandra ring");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + String.format(Locale.ROOT, "%.1f before, %.1f after", result.loadBefore(), result.loadAfter()));
        lines.add(String.format(Locale.ROOT, "- Kafka %s (replication 3, min.insync.replicas 2), %d-partition topic, %,d warm-up + %,d measured events per run in "
                        + "batches of %,d; Spark master %s, executors of 1 core and %s; trigger 1s; ring %s", settings.bootstrap(),
                settings.partitions(), settings.warmupRecords(), settings.records(), settings.batchRecords(), settings.master(),
                settings.executorMemory(), settings.ring()));
        lines.add("- rows/s: rows of the batches after the warm-up records over those batches' durations (one run each)");
        lines.add("");
        lines.add("| executors (workers) | Kafka brokers | Cassandra nodes | RF | consistency | rows/s | rows stored |");
        lines.add("|---|---:|---:|---:|---|---:|---:|");
        for (Run run : runs) {
            lines.add(String.format(Locale.ROOT, "| %d (%s) | %d | %d | %d | %s | %,.0f | %,d |", run.cores(), run.label(), run.brokers(),
                    run.nodes(), run.replicas(), run.consistency(), run.rowsPerSecond(settings.warmupRecords()), run.rowsStored()));
        }
        lines.add("");
        lines.add(ratio("2 workers / 1 worker (3 nodes, RF 3)", runs.get(1), runs.get(0)));
        lines.add(ratio("RF 3 at LOCAL_QUORUM / RF 1 at LOCAL_ONE (3 nodes, 2 workers)", runs.get(1), runs.get(2)));
        lines.add(ratio("3 nodes / 1 node (RF 1, 2 workers)", runs.get(2), runs.get(3)));
        lines.add(ratio("3 brokers / 1 broker (2 workers, 3 nodes, RF 3)", runs.get(1), runs.get(4)));
        lines.add(String.format(Locale.ROOT, "- filling the topic (acks=all, idempotent), 3 brokers at replication 3 / 1 broker: "
                        + "%,.0f / %,.0f events/s = %.2f", result.brokers().eventsPerSecond(), result.soloBroker().eventsPerSecond(),
                result.brokers().eventsPerSecond() / result.soloBroker().eventsPerSecond()));
        return lines;
    }

    private String ratio(String what, Run numerator, Run denominator) {
        long warmup = settings.warmupRecords();
        return String.format(Locale.ROOT, "- %s: %,.0f / %,.0f = %.2f", what, numerator.rowsPerSecond(warmup),
                denominator.rowsPerSecond(warmup), numerator.rowsPerSecond(warmup) / denominator.rowsPerSecond(warmup));
    }
}

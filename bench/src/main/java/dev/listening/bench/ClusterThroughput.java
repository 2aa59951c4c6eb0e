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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The streamer's rows/s and CPU-seconds per 100,000 events on the Spark cluster of `up --cluster`,
 * each run into a fresh keyspace. For each topic partition count, one topic of the same events read
 * with 1 and 2 workers (executors of one core, at most 1 or 2 cores in all) on the 3-node ring at
 * RF 3, LOCAL_QUORUM. On the one-partition topic, 2 workers with the source's minPartitions at 2.
 * On the topic of the most partitions, 2 workers on the ring at RF 1, LOCAL_ONE, and 2 workers on a
 * node of its own at RF 1, LOCAL_ONE (started for the run on the address after the ring's, same ports,
 * stopped at the end). Last, the same events go into a broker of its own (on the address after the brokers',
 * same ports, replication 1) and are read with 2 workers into the ring at RF 3: 3 brokers at replication 3
 * against 1, for the streamer's rows/s and for the fill (acks=all, idempotent).
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
                           Path songs, long records, long warmupRecords, long batchRecords, List<Integer> partitions, String master,
                           String executorMemory, Path logDir) {
        public Settings {
            partitions = partitions.stream().distinct().sorted().toList();
            if (records < 2 * batchRecords || batchRecords < 1 || warmupRecords < 0 || partitions.isEmpty()
                    || partitions.get(0) < 1 || ringNodes < 1) {
                throw new UserError("--records must be at least two batches (2 x " + StreamerOptions.MAX_OFFSETS_PER_TRIGGER
                        + "), --partitions and --cassandra-nodes at least 1, --warmup-records not negative");
            }
        }
    }

    /** The topic fills, the runs, and the machine's load average before and after them. */
    public record Result(List<Fill> fills, List<Run> runs, double loadBefore, double loadAfter) {
    }

    /**
     * Events sent into a topic of {@code partitions} partitions on {@code brokers} brokers from this JVM, how long until the
     * last was acknowledged, and the CPU this took here and in Kafka.
     */
    public record Fill(int brokers, int partitions, long events, Duration took, CpuTimes cpu) {
        public double eventsPerSecond() {
            return events * 1e9 / took.toNanos();
        }
    }

    /**
     * One configuration: the topic's partitions, the source's minPartitions (0: none), where it writes and how, and
     * what the streamer made of it; {@code cpu} was used while it read {@code cpuEvents} records after the warm-up
     * and rolled them up.
     */
    public record Run(String label, int brokers, int partitions, int minPartitions, int nodes, int replicas, DefaultConsistencyLevel consistency,
                      int cores, StreamerMetrics batches, long rowsStored, CpuTimes cpu, long cpuEvents) {
        public double rowsPerSecond(long warmupRecords) {
            return batches.steadyRowsPerSecond(warmupRecords);
        }
    }

    /** Where a run reads: the bootstrap servers and the brokers behind them. */
    private record Source(String bootstrap, int brokers) {
    }

    /** Where a run writes: the contact points, the nodes behind them, the keyspace and how it is written. */
    private record Target(String cassandra, int nodes, String keyspace, Replication replication, DefaultConsistencyLevel consistency) {
    }

    public ClusterThroughput(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Result measure() throws InterruptedException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<Fill> fills = new ArrayList<>();
        List<Run> runs = runs(fills);
        return new Result(fills, runs, loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private List<Run> runs(List<Fill> fills) throws InterruptedException {
        EventGenerator generator = new EventGenerator(Listeners.generate(LISTENERS, List.of(),
                SEED), SongCatalog.load(settings.songs()).songs(), SEED);
        long total = settings.warmupRecords() + settings.records();
        List<ListeningEvent> events = TopicFill.events(generator, System.currentTimeMillis() - total, total);
        List<Run> runs = new ArrayList<>();
        Replication all = Replication.networkTopology(settings.datacenter(), settings.ringNodes());
        Replication one = Replication.networkTopology(settings.datacenter(), 1);
        DefaultConsistencyLevel quorum = DefaultConsistencyLevel.LOCAL_QUORUM;
        DefaultConsistencyLevel single = DefaultConsistencyLevel.LOCAL_ONE;
        String ring = settings.ring();
        int nodes = settings.ringNodes();
        try (CqlSession session = CassandraSessions.open(ring, settings.datacenter(), REQUEST_TIMEOUT);
             Scratch scratch = new Scratch(settings.bootstrap(), session)) {
            Source brokers = new Source(settings.bootstrap(), KafkaRing.BROKERS);
            String topic = null;
            for (int partitions : settings.partitions()) {
                topic = scratch.topic("cluster-p" + partitions, partitions);
                fills.add(fill(brokers, topic, partitions, events));
                String p = "p" + partitions;
                runs.add(run("1 worker", brokers, topic, partitions, 0, 1,
                        new Target(ring, nodes, scratch.keyspace(p + "_w1_rf3", all), all, quorum), session));
                runs.add(run("2 workers", brokers, topic, partitions, 0, 2,
                        new Target(ring, nodes, scratch.keyspace(p + "_w2_rf3", all), all, quorum), session));
                if (partitions == 1) {
                    runs.add(run("2 workers", brokers, topic, partitions, 2, 2,
                            new Target(ring, nodes, scratch.keyspace("p1_min2_w2_rf3", all), all, quorum), session));
                }
            }
            int most = settings.partitions().get(settings.partitions().size() - 1);
            runs.add(run("2 workers", brokers, topic, most, 0, 2,
                    new Target(ring, nodes, scratch.keyspace("p" + most + "_w2_rf1", one), one, single), session));
            runs.add(solo(brokers, topic, most, one, single));
            runs.add(soloBroker(events, most, fills, new Target(ring, nodes, scratch.keyspace("p" + most + "_b1_w2_rf3", all), all,
                    quorum), session));
        }
        return runs;
    }

    private Fill fill(Source source, String topic, int partitions, List<ListeningEvent> events) {
        CpuTimes before = CpuTimes.withProducerHere(settings.home());
        long started = System.nanoTime();
        TopicFill.fill(source.bootstrap(), topic, events, REQUEST_TIMEOUT);
        Fill fill = new Fill(source.brokers(), partitions, events.size(), Duration.ofNanos(System.nanoTime() - started),
                CpuTimes.withProducerHere(settings.home()).since(before));
        LOG.info("filled {} partition(s) on {} broker(s): {} events/s; CPU-s per 100k events {}", partitions, source.brokers(),
                Math.round(fill.eventsPerSecond()), cpuRow("", events.size(), fill.cpu()));
        return fill;
    }

    /** The same events into a broker of its own (replication 1), streamed into the ring; the broker's data is deleted with it. */
    private Run soloBroker(List<ListeningEvent> events, int partitions, List<Fill> fills, Target target, CqlSession session)
            throws InterruptedException {
        HostPort firstBroker = HostPort.first(settings.bootstrap());
        HostPort address = firstBroker.plus(KafkaRing.BROKERS).orElseThrow(() -> new UserError("no address after the brokers' "
                + settings.bootstrap() + " for a broker of its own"));
        Path soloHome = settings.home().resolve("bench").resolve("solo-broker");
        KafkaService broker = new KafkaService(new KafkaConfig(address, settings.brokerControllerPort(), soloHome.resolve(KafkaService.NAME)));
        LOG.info("starting a Kafka broker of its own on {}", address);
        LocalStack.startAlone(broker, settings.root(), START_TIMEOUT);
        try {
            Source source = new Source(address.toString(), 1);
            String topic = "bench-cluster-solo-broker";
            Topics.ensure(source.bootstrap(), topic, partitions, REQUEST_TIMEOUT);
            fills.add(fill(source, topic, partitions, events));
            return run("2 workers", source, topic, partitions, 0, 2, target, session);
        } finally {
            LocalStack.stop(soloHome, LocalStack.STOP_TIMEOUT);
            LocalStack.purge(settings.root(), soloHome);
        }
    }

    /** The same run against a node of its own, whose data is deleted with it. */
    private Run solo(Source source, String topic, int partitions, Replication one, DefaultConsistencyLevel single) throws InterruptedException {
        HostPort address = new CassandraRing(HostPort.first(settings.ring()), settings.storagePort(),
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
            return run("2 workers", source, topic, partitions, 0, 2, new Target(address.toString(), 1, keyspace, one, single), session);
        } finally {
            LocalStack.stop(soloHome, LocalStack.STOP_TIMEOUT);
            LocalStack.purge(settings.root(), soloHome);
        }
    }

    /**
     * One job on the master reading the whole topic into {@code target}; its CPU is counted from the end of the
     * warm-up records to the end of the rollups of the last batch.
     */
    private Run run(String label, Source source, String topic, int partitions, int minPartitions, int cores, Target target,
                    CqlSession session) throws InterruptedException {
        String name = target.keyspace().replaceFirst("_[a-z0-9]+$", "");
        StreamerSubmission submission = StreamerSubmission.defaults(settings.root(), settings.home(), source.bootstrap(),
                        target.cassandra(), topic, target.keyspace())
                .withDatacenter(settings.datacenter())
                .withSongs(settings.songs())
                .withConsistency(target.consistency().name())
                .withTrigger("1s")
                .withMaxOffsetsPerTrigger(settings.batchRecords())
                .withMinPartitions(minPartitions);
        ExecutorResources resources = new ExecutorResources(settings.executorMemory(), 1, OptionalInt.of(cores));
        StreamerMetrics batches;
        CpuTimes cpu;
        long cpuEvents;
        long total = settings.warmupRecords() + settings.records();
        Duration timeout = START_TIMEOUT.plusSeconds(total / 100);
        try (StreamerRun run = StreamerRun.start(submission.job(new SparkRuntime(settings.root(), settings.home()),
                settings.master(), resources, Map.of()), settings.logDir().resolve("cluster-" + name + ".log"),
                submission.metricsFile())) {
            run.awaitStarted(START_TIMEOUT);
            run.awaitRows(settings.warmupRecords(), timeout);
            CpuTimes before = CpuTimes.withDriver(settings.home(), run.pid());
            long rowsBefore = run.batches().rows();
            run.awaitRows(total, timeout);
            run.awaitRolledUp(total, timeout);
            cpu = CpuTimes.withDriver(settings.home(), run.pid()).since(before);
            batches = run.batches();
            cpuEvents = batches.rows() - rowsBefore;
        }
        int replicas = target.replication().factors().values().stream().mapToInt(Integer::intValue).sum();
        Run result = new Run(label, source.brokers(), partitions, minPartitions, target.nodes(), replicas, target.consistency(), cores, batches,
                StreamerThroughput.countRows(session, target.keyspace()), cpu, cpuEvents);
        LOG.info("{} broker(s), {} partition(s), {}, {} node(s), RF {}, {}: {} rows/s; CPU-s per 100k events {}", source.brokers(),
                partitions, label, target.nodes(), replicas, target.consistency(), Math.round(result.rowsPerSecond(settings.warmupRecords())),
                cpuRow("", cpuEvents, cpu));
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
        lines.add(String.format(Locale.ROOT, "- Kafka %s (replication 3, min.insync.replicas 2), topics of %s partitions, %,d warm-up + %,d measured events per run in "
                        + "batches of %,d; Spark master %s, executors of 1 core and %s; trigger 1s; ring %s", settings.bootstrap(),
                settings.partitions().stream().map(String::valueOf).collect(Collectors.joining(", ")), settings.warmupRecords(),
                settings.records(), settings.batchRecords(), settings.master(), settings.executorMemory(), settings.ring()));
        lines.add("- rows/s: rows of the batches after the warm-up records over those batches' durations (one run each)");
        lines.add("");
        lines.add("| Kafka brokers | partitions | min-partitions | executors (workers) | Cassandra nodes | RF | consistency | rows/s | rows stored |");
        lines.add("|---:|---:|---:|---|---:|---:|---|---:|---:|");
        for (Run run : runs) {
            lines.add(String.format(Locale.ROOT, "| %d | %d | %s | %d (%s) | %d | %d | %s | %,.0f | %,d |", run.brokers(), run.partitions(),
                    run.minPartitions() == 0 ? "-" : Integer.toString(run.minPartitions()), run.cores(), run.label(), run.nodes(),
                    run.replicas(), run.consistency(), run.rowsPerSecond(settings.warmupRecords()), run.rowsStored()));
        }
        lines.add("");
        int ring = settings.ringNodes();
        int fewest = settings.partitions().get(0);
        int most = settings.partitions().get(settings.partitions().size() - 1);
        for (int partitions : settings.partitions()) {
            ratio(lines, "2 workers / 1 worker (" + partitions + " partition(s), " + ring + " nodes, RF " + ring + ")",
                    find(runs, partitions, 0, 2, ring), find(runs, partitions, 0, 1, ring));
        }
        for (int cores = 1; cores <= 2; cores++) {
            for (int partitions : settings.partitions().subList(1, settings.partitions().size())) {
                ratio(lines, partitions + " / " + fewest + " partition(s) (" + cores + " worker(s), RF " + ring + ")",
                        find(runs, partitions, 0, cores, ring), find(runs, fewest, 0, cores, ring));
            }
        }
        ratio(lines, "min-partitions 2 / none (1 partition, 2 workers, RF " + ring + ")", find(runs, 1, 2, 2, ring), find(runs, 1, 0, 2, ring));
        ratio(lines, "RF " + ring + " at LOCAL_QUORUM / RF 1 at LOCAL_ONE (" + ring + " nodes, 2 workers, " + most + " partition(s))",
                find(runs, most, 0, 2, ring), runs.stream().filter(r -> r.replicas() == 1 && r.nodes() == ring).findFirst());
        ratio(lines, ring + " nodes / 1 node (RF 1, 2 workers, " + most + " partition(s))",
                runs.stream().filter(r -> r.replicas() == 1 && r.nodes() == ring).findFirst(),
                runs.stream().filter(r -> r.nodes() == 1).findFirst());
        ratio(lines, KafkaRing.BROKERS + " brokers / 1 broker (2 workers, " + ring + " nodes, RF " + ring + ", " + most + " partition(s))",
                find(runs, most, 0, 2, ring), runs.stream().filter(r -> r.brokers() == 1).findFirst());
        Optional<Fill> brokersFill = result.fills().stream().filter(f -> f.brokers() == KafkaRing.BROKERS && f.partitions() == most).findFirst();
        Optional<Fill> soloFill = result.fills().stream().filter(f -> f.brokers() == 1).findFirst();
        if (brokersFill.isPresent() && soloFill.isPresent()) {
            lines.add(String.format(Locale.ROOT, "- filling the topic (acks=all, idempotent), %d brokers at replication 3 / 1 broker: "
                            + "%,.0f / %,.0f events/s = %.2f", KafkaRing.BROKERS, brokersFill.get().eventsPerSecond(),
                    soloFill.get().eventsPerSecond(), brokersFill.get().eventsPerSecond() / soloFill.get().eventsPerSecond()));
        }
        lines.add("");
        lines.addAll(cpuTable(result));
        return lines;
    }

    /**
     * CPU-seconds per 100,000 events of each part: the fills (the producer is this JVM: JSON, gzip and send of
     * events made beforehand), then each run from the end of its warm-up to the rollup of its last batch.
     */
    private static List<String> cpuTable(Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("## CPU-seconds per 100,000 events");
        lines.add("");
        lines.add("- user + system CPU of each process (/proc/PID/stat) before and after, over the events in between: fills "
                + "from before the first send to the last ack; runs from the end of the warm-up to the rollup of the last "
                + "batch (so up to one batch in flight at the start is counted in the events but only partly in the CPU). "
                + "CPU-seconds, unlike rows/s, hardly change with the other work on the machine.");
        lines.add("- a column is every process of the role summed: all Cassandra nodes, all executors; a role idle in "
                + "a row (Cassandra during a fill) shows what it uses doing nothing for that long");
        lines.add("");
        StringBuilder header = new StringBuilder("| what | events |");
        StringBuilder rule = new StringBuilder("|---|---:|");
        for (String role : CpuTimes.ROLES) {
            header.append(' ').append(role).append(" |");
            rule.append("---:|");
        }
        lines.add(header.append(" all |").toString());
        lines.add(rule.append("---:|").toString());
        for (Fill fill : result.fills()) {
            lines.add(cpuRow("fill, " + fill.brokers() + " broker(s), " + fill.partitions() + " partition(s)", fill.events(), fill.cpu()));
        }
        for (Run run : result.runs()) {
            lines.add(cpuRow(String.format(Locale.ROOT, "%d broker(s), %d partition(s)%s, %s, %d node(s), RF %d", run.brokers(), run.partitions(),
                    run.minPartitions() == 0 ? "" : ", min-partitions " + run.minPartitions(), run.label(), run.nodes(),
                    run.replicas()), run.cpuEvents(), run.cpu()));
        }
        return lines;
    }

    private static String cpuRow(String what, long events, CpuTimes cpu) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %,d |", what, events));
        double all = 0;
        for (String role : CpuTimes.ROLES) {
            Optional<Double> seconds = cpu.secondsPer100k(role, events);
            row.append(seconds.map(value -> String.format(Locale.ROOT, " %.1f |", value)).orElse(" - |"));
            all += seconds.orElse(0.0);
        }
        return row.append(String.format(Locale.ROOT, " %.1f |", all)).toString();
    }

    private static Optional<Run> find(List<Run> runs, int partitions, int minPartitions, int cores, int replicas) {
        return runs.stream().filter(r -> r.brokers() == KafkaRing.BROKERS && r.partitions() == partitions
                && r.minPartitions() == minPartitions && r.cores() == cores && r.replicas() == replicas && r.nodes() == replicas).findFirst();
    }

    /** A line with the ratio of two runs' rows/s, when both ran. */
    private void ratio(List<String> lines, String what, Optional<Run> numerator, Optional<Run> denominator) {
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return;
        }
        long warmup = settings.warmupRecords();
        double top = numerator.get().rowsPerSecond(warmup);
        double bottom = denominator.get().rowsPerSecond(warmup);
        lines.add(String.format(Locale.ROOT, "- %s: %,.0f / %,.0f = %.2f", what, top, bottom, top / bottom));
    }
}

package dev.listening.it;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import dev.listening.bench.StreamerMetrics;
import dev.listening.contract.Env;
import dev.listening.contract.StreamerOptions;
import dev.listening.cql.CassandraSessions;
import dev.listening.producer.run.Report;
import dev.listening.stack.LocalStack;
import dev.listening.stack.ProjectRoot;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.kafka.KafkaRing;
import dev.listening.stack.kafka.KafkaService;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.net.Ports;
import dev.listening.stack.spark.ExecutorResources;
import dev.listening.stack.spark.JobExit;
import dev.listening.stack.spark.MasterUi;
import dev.listening.stack.spark.SparkCluster;
import dev.listening.stack.spark.SparkDaemon;
import dev.listening.stack.spark.SparkMasterState;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.SongFeatures;
import dev.listening.verify.TopicReader;
import dev.listening.verify.Verifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cluster mode, started as users start it (`./pipeline up --cluster`): three Kafka brokers and a 3-node
 * Cassandra ring on 127.0.0.1/.2/.3, a Spark standalone master with two workers, a 4-partition topic at
 * replication factor 3 with min.insync.replicas 2, the keyspace at NetworkTopologyStrategy RF 3. The
 * streamer runs on the master and writes at LOCAL_QUORUM while a broker and a node are SIGKILLed and
 * brought back and then a worker is stopped; every client is given all three brokers. Every event must
 * be acknowledged to the producer and readable at QUORUM exactly once, and the streaming query must never
 * have stopped. Slow (several minutes):
 * left out of a plain `mvn verify`; the Maven profile `cluster` (-Dcluster.it, what CI runs) adds it.
 */
class ClusterIT {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterIT.class);
    private static final Path ROOT = ProjectRoot.get();
    private static final Path RUN_DIR = RunDirs.fresh("cluster");
    private static final Path HOME = RunDirs.home(RUN_DIR);
    private static final Duration DEADLINE = Duration.ofMinutes(6);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Each wave of the cluster's start gets this long; the build machine may be busy with other builds. */
    private static final String READY_TIMEOUT = "--ready-timeout=300";
    private static final String TOPIC = "cluster-events";
    private static final String KEYSPACE = "cluster_history";
    private static final String DATACENTER = Env.DEFAULT_DATACENTER;
    private static final int PARTITIONS = 4;
    /** Stored before the faults, so that the job's slow first batches (JIT, connections) are behind it. */
    private static final int WARMUP_EVENTS = 1_000;
    /** A steady 120 events/s for 200 s: long enough to kill a node, restart it, and then stop a worker while events flow. */
    private static final int EVENTS = 24_000;
    private static final int RATE = 120;
    /** How long the node stays down while events keep coming: records produced meanwhile. */
    private static final int PRODUCED_WHILE_NODE_DOWN = 3_000;
    private static final String KILLED_NODE = CassandraService.nodeName(2);
    /** The first broker: the address of PIPELINE_KAFKA, so nothing may depend on it alone. */
    private static final String KILLED_BROKER = KafkaService.nodeName(1);
    private static final String STOPPED_WORKER = SparkDaemon.workerName(2);

    private static PipelineRunner pipeline;
    /** Every broker, as up --cluster prints them. */
    private static String kafka;
    private static String contactPoints;
    private static SparkCluster spark;

    @BeforeAll
    static void upCluster() {
        List<Integer> ports = Ports.free(5);
        int uiPort = Ports.freeInARow(3); // the master's UI, then the two workers'
        HostPort firstBroker = new HostPort(Env.DEFAULT_HOST, ports.get(0));
        HostPort firstNode = new HostPort(Env.DEFAULT_HOST, ports.get(2));
        spark = new SparkCluster(new HostPort(Env.DEFAULT_HOST, ports.get(4)), uiPort, 2, 1, "1g");
        pipeline = new PipelineRunner(ROOT, RUN_DIR.resolve("work"), Map.of(
                Env.KAFKA, firstBroker.toString(),
                Env.KAFKA_CONTROLLER_PORT, Integer.toString(ports.get(1)),
                Env.CASSANDRA, firstNode.toString(),
                Env.CASSANDRA_STORAGE_PORT, Integer.toString(ports.get(3)),
                Env.SPARK_MASTER, spark.master().toString(),
                Env.SPARK_UI_PORT, Integer.toString(uiPort),
                Env.DATACENTER, DATACENTER,
                Env.HOME, HOME.toString()),
                List.of(Env.TOPIC, Env.KEYSPACE));
        ProcessResult up = pipeline.run(DEADLINE, "up", "--cluster", "--topic", TOPIC, "--keyspace", KEYSPACE, READY_TIMEOUT);
        LOG.info("up --cluster:\n{}", up.stdout());
        assertEquals(0, up.exitCode(), up.stdout() + up.stderr());
        kafka = hintLine(up, "kafka brokers ");
        contactPoints = hintLine(up, "cassandra ring ");
        assertEquals(new KafkaRing(firstBroker, ports.get(1)).bootstrap(), kafka);
    }

    @AfterAll
    static void nothingLeftRunning() {
        RunDirs.removeWithServices(RUN_DIR);
    }

    @Test
    void aNodeKilledAndAWorkerStoppedMidStreamLoseNoEventAndTheQueryRunsOn() throws Exception {
        assertTheClusterIsWhatUpPromised();
        TopicReader topicReader = new TopicReader(kafka, REQUEST_TIMEOUT);
        Path log = RUN_DIR.resolve("streamer.log");
        StreamerSubmission submission = StreamerSubmission.defaults(ROOT, HOME, kafka, contactPoints, TOPIC, KEYSPACE)
                .withConsistency(DefaultConsistencyLevel.LOCAL_QUORUM.name())
                .withTrigger("1s");
        ExecutorResources resources = new ExecutorResources("512m", 1, OptionalInt.empty());
        Path metrics = submission.metricsFile();

        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(
                submission.job(new SparkRuntime(ROOT, HOME), spark.masterUrl(), resources, Map.of()), log)) {
            assertEquals(WARMUP_EVENTS, produced(pipeline.run(DEADLINE, "produce", "--bootstrap", kafka, "--topic", TOPIC, "--rate", "max",
                    "--limit", Integer.toString(WARMUP_EVENTS))).acknowledged());
            await("the warm-up events stored").atMost(DEADLINE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertTrue(streamer.isAlive(), () -> JobExit.describe(streamer, log));
                return storedByStreamer(metrics) >= WARMUP_EVENTS;
            });
            assertEquals(2, master().aliveWorkers().stream().filter(w -> w.coresUsed() == 1).count(),
                    "an executor on each worker");
            CompletableFuture<ProcessResult> producing = CompletableFuture.supplyAsync(() -> pipeline.run(DEADLINE,
                    "produce", "--bootstrap", kafka, "--topic", TOPIC, "--rate", Integer.toString(RATE), "--limit", Integer.toString(EVENTS)));

            // 1. A broker (a controller of the quorum too) and a Cassandra replica die mid-stream without warning: each
            //    partition keeps two in-sync replicas (acks=all still succeeds), the quorums two voters, LOCAL_QUORUM two nodes.
            await("events flow").atMost(DEADLINE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> records(topicReader) >= WARMUP_EVENTS + 2L * RATE);
            long killedAtRecord = records(topicReader);
            long storedAtKill = storedByStreamer(metrics);
            kill(KILLED_BROKER, true);
            kill(KILLED_NODE, true);
            ProcessResult brokerDown = pipeline.run(DEADLINE, "status", "--topic", TOPIC);
            assertEquals(1, brokerDown.exitCode(), brokerDown.stdout());
            assertTrue(brokerDown.stdout().contains("brokers        2 live (2,3)"), brokerDown.stdout());
            // Down until batches were written without them: a new leader for the broker's partitions takes a broker session timeout.
            await(KILLED_BROKER + " and " + KILLED_NODE + " down while " + PRODUCED_WHILE_NODE_DOWN + " more events come and batches are "
                    + "written").atMost(DEADLINE)
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        assertTrue(streamer.isAlive(), () -> KILLED_NODE + " down: " + JobExit.describe(streamer, log));
                        assertFalse(producing.isDone(), () -> "the producer stopped while a broker was down: " + producing.join().stderr());
                        return records(topicReader) - killedAtRecord >= PRODUCED_WHILE_NODE_DOWN && storedByStreamer(metrics) > storedAtKill;
                    });
            long storedWhileDown = storedByStreamer(metrics);
            ProcessResult restart = pipeline.run(DEADLINE, "up", "--cluster", "--topic", TOPIC, "--keyspace", KEYSPACE, READY_TIMEOUT);
            assertEquals(0, restart.exitCode(), restart.stdout() + restart.stderr());
            assertEquals(List.of(KILLED_BROKER, KILLED_NODE), restart.stdout().lines().filter(line -> line.contains(" ready in "))
                    .map(line -> line.split(" ")[0]).toList(), "up --cluster started only the killed ones again: " + restart.stdout());
            assertFalse(producing.isDone(), "events still flow when the node is back");

            // 2. One of the two workers goes away, and its executor with it.
            int batchesBeforeWorkerStop = StreamerMetrics.read(metrics).batches().size();
            kill(STOPPED_WORKER, false);
            Instant workerStopped = Instant.now();
            assertFalse(producing.isDone(), "events still flow when the worker stops");
            Report report = produced(producing.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
            assertEquals(EVENTS, report.acknowledged(), report.line());
            // the broker has caught up: its replica of every partition is back in sync
            await(KILLED_BROKER + " back in every ISR").atMost(DEADLINE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                ProcessResult status = pipeline.run(DEADLINE, "status", "--topic", TOPIC);
                assertTrue(status.stdout().contains("brokers        3 live (1,2,3)")
                        && status.stdout().contains(PARTITIONS + " of " + PARTITIONS + " fully in sync"), status.stdout());
            });
            int total = WARMUP_EVENTS + EVENTS;

            Reconciliation.Report verdict;
            try (CqlSession session = CassandraSessions.open(contactPoints, DATACENTER, REQUEST_TIMEOUT, DefaultConsistencyLevel.QUORUM)) {
                verdict = StreamerChecks.awaitNothingMissing(new Verifier(topicReader, session, KEYSPACE,
                        SongFeatures.load(ROOT.resolve(StreamerOptions.DEFAULT_SONGS))), TOPIC, streamer, log,
                        DEADLINE, Duration.ofSeconds(5));
            }
            SparkMasterState master = master();
            LOG.info("broker and node killed at record {} with {} rows stored, {} stored when it was restarted; every record stored {} s after "
                            + "the worker stopped; verdict at QUORUM: {}; master: {}", killedAtRecord, storedAtKill, storedWhileDown,
                    Duration.between(workerStopped, Instant.now()).toSeconds(), verdict, master);
            assertEquals(total, verdict.records());
            assertEquals(total, verdict.stored(), "every event readable at QUORUM");
            assertEquals(List.of(), verdict.missing());
            assertEquals(List.of(), verdict.doubled());
            assertEquals(List.of(), verdict.unexpected());
            assertTrue(verdict.passed(), verdict.toString());
            assertTrue(StreamerMetrics.read(metrics).batches().size() > batchesBeforeWorkerStop, "batches ran after the worker stopped");
            assertFalse(master.worker(spark.workerUi(2)).orElseThrow().alive(), "the stopped worker is gone: " + master);
            assertTrue(master.worker(spark.workerUi(1)).orElseThrow().alive(), master.toString());
            assertEquals(1, master.activeApps().size(), "the application still runs: " + master);

            assertTrue(streamer.isAlive(), "the streamer runs on");
            assertEquals(1, StreamerMetrics.read(metrics).runs(), "one run of the query from start to end; see " + log);
        }
    }

    /** `./pipeline status` shows 3 brokers, 3 normal nodes and 2 workers; the topic and keyspace are the cluster's. */
    private static void assertTheClusterIsWhatUpPromised() throws Exception {
        // status probes each service with a 5 s deadline: on a loaded machine one probe can miss it, the next not
        AtomicReference<ProcessResult> lastStatus = new AtomicReference<>();
        await("./pipeline status: every service ready").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    lastStatus.set(pipeline.run(DEADLINE, "status", "--topic", TOPIC));
                    assertEquals(0, lastStatus.get().exitCode(), lastStatus.get().stdout() + lastStatus.get().stderr());
                });
        ProcessResult status = lastStatus.get();
        assertTrue(status.stdout().contains("brokers        3 live (1,2,3), controller "), status.stdout());
        assertTrue(status.stdout().contains("topic          " + TOPIC + ": " + PARTITIONS + " partitions, replication factor 3, "
                + "min.insync.replicas 2, " + PARTITIONS + " of " + PARTITIONS + " fully in sync"), status.stdout());
        assertTrue(status.stdout().contains("ring           3 nodes, 3 up and normal"), status.stdout());
        assertTrue(status.stdout().contains("ALIVE, 2 of 2 workers alive"), status.stdout());
        assertEquals(Optional.of("Spark master UI: " + SparkCluster.uiUrl(spark.ui()) + " (2 workers alive)"),
                MasterUi.line(spark.masterUrl(), spark.ui().port()));
        assertEquals(PARTITIONS, new TopicReader(kafka, REQUEST_TIMEOUT).endOffsets(TOPIC).size());
        try (CqlSession session = CassandraSessions.open(contactPoints, DATACENTER, REQUEST_TIMEOUT)) {
            KeyspaceMetadata keyspace = session.getMetadata().getKeyspace(KEYSPACE).orElseThrow();
            assertEquals(Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", DATACENTER, "3"),
                    keyspace.getReplication());
            assertEquals(3, session.getMetadata().getNodes().size());
        }
    }

    /** The address list of a hint line of up --cluster ("kafka brokers A,B,C (give ...)"). */
    private static String hintLine(ProcessResult up, String prefix) {
        return up.stdout().lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()).split(" ")[0])
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' line in " + up.stdout()));
    }

    /** SIGKILL ({@code now}) or SIGTERM to a service of the cluster through its pid file; returns once it is gone. */
    private static void kill(String service, boolean now) throws InterruptedException {
        Duration took = now ? LocalStack.kill(HOME, service) : LocalStack.terminate(HOME, service);
        LOG.info("{} {} in {} ms", service, now ? "killed" : "stopped", took.toMillis());
    }

    private static SparkMasterState master() throws InterruptedException {
        return new SparkMasterState.Probe(spark.ui()).fetch(REQUEST_TIMEOUT)
                .orElseThrow(() -> new AssertionError("the Spark master's UI does not answer"));
    }

    private static long storedByStreamer(Path metrics) {
        return StreamerMetrics.read(metrics).rows();
    }

    private static long records(TopicReader topicReader) {
        return topicReader.endOffsets(TOPIC).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Report produced(ProcessResult result) {
        assertEquals(0, result.exitCode(), result.stderr());
        return result.stdout().lines().map(Report::parse).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new AssertionError("no report line in " + result.stdout()));
    }
}

package dev.listening.it;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.listening.bench.StreamerMetrics;
import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.kafka.Topics;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.Replication;
import dev.listening.cql.Schema;
import dev.listening.producer.run.Report;
import dev.listening.stack.Bootstrap;
import dev.listening.stack.LocalStack;
import dev.listening.stack.ProjectRoot;
import dev.listening.stack.ServiceReport;
import dev.listening.stack.StackSettings;
import dev.listening.stack.UpReport;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.kafka.KafkaService;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.net.Ports;
import dev.listening.stack.spark.JobExit;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.RecordRef;
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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka and Cassandra going away under a working pipeline. The stack is this class's own (its own
 * free ports and PIPELINE_HOME, like StackCommandsIT's): stopping the shared fixture's services
 * would break the tests that use it. A service is stopped as ./pipeline down stops it (SIGTERM
 * through its pid file) and started again by LocalStack.up, on the same data.
 */
class ServiceOutagesIT {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceOutagesIT.class);
    private static final Path ROOT = ProjectRoot.get();
    private static final SongFeatures SONGS = SongFeatures.load(ROOT.resolve(StreamerOptions.DEFAULT_SONGS));
    private static final Path RUN_DIR = RunDirs.fresh("service-outages");
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CASSANDRA_OUTAGE = Duration.ofSeconds(60);
    /** With the restart after it, it must stay below the producer's max block and delivery timeout (ProducerSettings). */
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(10);
    private static final Bootstrap BOOTSTRAP = new Bootstrap(Names.TOPIC, 1, Names.KEYSPACE, Replication.simple(1));

    private static LocalStack stack;
    private static PipelineRunner pipeline;
    private static TopicReader topicReader;

    @BeforeAll
    static void startAStackOfOurOwn() {
        List<Integer> ports = Ports.free(4);
        StackSettings settings = new StackSettings(ROOT, RunDirs.home(RUN_DIR), new HostPort(Env.DEFAULT_HOST, ports.get(0)),
                ports.get(1), new HostPort(Env.DEFAULT_HOST, ports.get(2)), ports.get(3), Env.DEFAULT_DATACENTER);
        stack = new LocalStack(settings);
        stack.up(BOOTSTRAP, DEADLINE);
        pipeline = new PipelineRunner(ROOT, RUN_DIR.resolve("work"), Map.of(
                Env.KAFKA, settings.kafka().toString(),
                Env.CASSANDRA, settings.cassandra().toString(),
                Env.DATACENTER, settings.datacenter(),
                Env.HOME, settings.home().toString()),
                List.of(Env.TOPIC, Env.KEYSPACE));
        topicReader = new TopicReader(kafka(), REQUEST_TIMEOUT);
    }

    @AfterAll
    static void nothingLeftRunning() {
        RunDirs.removeWithServices(RUN_DIR);
    }

    @Test
    void cassandraDownForAMinuteWhileEventsFlowIsWaitedOutAndNothingIsLostOrDoubled() throws Exception {
        String topic = topic("cassandra-outage");
        String keyspace = keyspace("cassandra_outage");
        Path runDir = RUN_DIR.resolve("cassandra-outage");
        Path log = runDir.resolve("streamer.log");
        StreamerSubmission submission = StreamerSubmission.defaults(ROOT, runDir, kafka(), cassandra(), topic, keyspace)
                .withTrigger("1s")
                .withCheckpoint(runDir.resolve("checkpoint"));
        produced(pipeline.run(DEADLINE, "produce", "--topic", topic, "--rate", "max", "--limit", "500"));

        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(new SparkRuntime(ROOT, runDir), "local[2]"), log)) {
            try (CqlSession session = session()) {
                assertEquals(500, StreamerChecks.awaitNothingMissing(new Verifier(topicReader, session, keyspace, SONGS), topic, streamer, log,
                        DEADLINE, Duration.ofSeconds(2)).stored());
            }
            // 4,000 events at 50/s: they keep coming for the whole outage and a little after it
            CompletableFuture<ProcessResult> producing = CompletableFuture.supplyAsync(() -> pipeline.run(DEADLINE,
                    "produce", "--topic", topic, "--rate", "50", "--limit", "4000"));
            Duration stopping = stop(CassandraService.NAME);
            Instant down = Instant.now();
            long recordsWhenStopped = records(topic);
            // The outage itself is the test's subject, so it is timed; the streamer is checked every second of it.
            await("Cassandra down for " + CASSANDRA_OUTAGE.toSeconds() + " s").atMost(CASSANDRA_OUTAGE.plusSeconds(30))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        assertTrue(streamer.isAlive(), () -> "Cassandra down: " + JobExit.describe(streamer, log));
                        return Duration.between(down, Instant.now()).compareTo(CASSANDRA_OUTAGE) >= 0;
                    });
            long producedDuringOutage = records(topic) - recordsWhenStopped;
            assertTrue(producedDuringOutage > 1_000, "events kept coming while Cassandra was down: " + producedDuringOutage);

            Duration heldDown = Duration.between(down, Instant.now());
            UpReport up = stack.up(BOOTSTRAP, DEADLINE);
            Instant back = Instant.now();
            ServiceReport cassandra = service(up, CassandraService.NAME);
            assertFalse(cassandra.alreadyRunning());
            assertTrue(service(up, KafkaService.NAME).alreadyRunning(), "only Cassandra was restarted");
            produced(producing.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));

            try (CqlSession session = session()) {
                Reconciliation.Report report = StreamerChecks.awaitNothingMissing(new Verifier(topicReader, session, keyspace, SONGS), topic,
                        streamer, log, DEADLINE, Duration.ofSeconds(2));
                // A batch's metrics are reported once it is written: the one that met the outage, after it.
                await("a batch that met the outage, retried (its metrics count the retries)").atMost(DEADLINE).pollInterval(Duration.ofSeconds(1))
                        .until(() -> StreamerMetrics.read(submission.metricsFile()).retries() > 0);
                LOG.info("Cassandra stopped in {} s, held down {} s ({} events produced meanwhile), ready again {} s after "
                                + "its start; every event stored {} s after that: {}", stopping.toSeconds(), heldDown.toSeconds(),
                        producedDuringOutage, cassandra.readyIn().toSeconds(), Duration.between(back, Instant.now()).toSeconds(),
                        report);
                assertEquals(4_500, report.records());
                assertEquals(4_500, report.stored(), "rows stored before the outage were kept, the rest written after it");
                assertEquals(0, report.deadLetters());
                assertEquals(0, report.duplicateIdsInTopic());
                assertEquals(List.of(), report.unexpected());
                assertTrue(report.passed(), report.toString());
            }
            assertTrue(streamer.isAlive(), "the streamer rode the outage out");
        }
    }

    /**
     * The worst moment for Cassandra to die: a pre-filled topic and batches of 10,000 make a write
     * certain to be in flight, and the kill comes once the second batch's rows are arriving, so the
     * first batch's rows were acknowledged before it. Nothing may hang, be lost or be doubled: the
     * job retries through the outage and, once the node is back on its own data, stores every event
     * exactly once, the acknowledged rows included.
     */
    @Test
    void cassandraKilledWhileABatchIsBeingWrittenResumesAndStoresEverythingOnce() throws Exception {
        int events = 30_000;
        int batch = 10_000;
        String topic = topic("cassandra-kill");
        String keyspace = keyspace("cassandra_kill");
        Path runDir = RUN_DIR.resolve("cassandra-kill");
        Path log = runDir.resolve("streamer.log");
        StreamerSubmission submission = StreamerSubmission.defaults(ROOT, runDir, kafka(), cassandra(), topic, keyspace)
                .withTrigger("1s")
                .withMaxOffsetsPerTrigger(batch)
                .withCheckpoint(runDir.resolve("checkpoint"));
        produced(pipeline.run(DEADLINE, "produce", "--topic", topic, "--rate", "max", "--limit", Integer.toString(events)));

        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(new SparkRuntime(ROOT, runDir), "local[2]"), log)) {
            AtomicLong stored = new AtomicLong();
            try (CqlSession session = session()) {
                await("the second batch's rows arriving").atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
                    assertTrue(streamer.isAlive(), () -> JobExit.describe(streamer, log));
                    stored.set(historyRows(session, keyspace));
                    return stored.get() > batch;
                });
            }
            kill(CassandraService.NAME);
            long storedAtKill = stored.get();
            assertTrue(storedAtKill % batch != 0 && storedAtKill < events,
                    "the kill came while a batch was being written: " + storedAtKill + " rows");
            Instant down = Instant.now();
            await("Cassandra dead for 5 s").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertTrue(streamer.isAlive(), () -> "Cassandra dead: " + JobExit.describe(streamer, log));
                return Duration.between(down, Instant.now()).compareTo(Duration.ofSeconds(5)) >= 0;
            });
            UpReport up = stack.up(BOOTSTRAP, DEADLINE);
            assertFalse(service(up, CassandraService.NAME).alreadyRunning());

            try (CqlSession session = session()) {
                Reconciliation.Report report = StreamerChecks.awaitNothingMissing(new Verifier(topicReader, session, keyspace, SONGS), topic,
                        streamer, log, DEADLINE, Duration.ofSeconds(2));
                LOG.info("Cassandra killed at {} rows; every event stored {} s after the kill: {}", storedAtKill,
                        Duration.between(down, Instant.now()).toSeconds(), report);
                assertEquals(events, report.records());
                assertEquals(events, report.stored(), "the acknowledged rows survived the kill, the rest were written after it");
                assertEquals(0, report.deadLetters());
                assertEquals(List.of(), report.unexpected());
                assertTrue(report.passed(), report.toString());
                assertEquals(events, historyRows(session, keyspace), "no row twice");
            }
            assertTrue(streamer.isAlive(), "the streamer rode the kill out");
        }
    }

    @Test
    void brokerRestartedWhileTheProducerSends5000PerSecondLosesAndDoublesNoEvent() throws Exception {
        String topic = topic("broker-restart");
        CompletableFuture<ProcessResult> producing = CompletableFuture.supplyAsync(() -> pipeline.run(DEADLINE,
                "produce", "--topic", topic, "--rate", "5000", "--limit", "50000"));
        await("the producer is under way").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> records(topic) >= 5_000);
        Duration stopping = stop(KafkaService.NAME);
        Instant down = Instant.now();
        await("the broker down for " + KAFKA_OUTAGE.toSeconds() + " s").atMost(KAFKA_OUTAGE.plusSeconds(30))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    assertFalse(producing.isDone(), "the producer ended while the broker was down");
                    return Duration.between(down, Instant.now()).compareTo(KAFKA_OUTAGE) >= 0;
                });
        UpReport up = stack.up(BOOTSTRAP, DEADLINE);
        Duration outage = Duration.between(down, Instant.now());
        assertTrue(service(up, CassandraService.NAME).alreadyRunning(), "only the broker was restarted");
        assertFalse(producing.isDone(), "the restart happened while the producer was sending");

        Report report = produced(producing.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
        List<RecordRef> records = topicReader.read(topic, Map.of(), Map.of());
        long distinct = records.stream().map(r -> r.row().eventId()).distinct().count();
        LOG.info("broker stopped in {} ms, unreachable for {} s (ready {} s after its start); producer: {}; topic: {} records, {} distinct ids",
                stopping.toMillis(), outage.toSeconds(), service(up, KafkaService.NAME).readyIn().toSeconds(), report.line(),
                records.size(), distinct);
        assertEquals(50_000, report.acknowledged(), report.line());
        assertEquals(0, report.failed(), report.line());
        assertEquals(report.acknowledged(), records.size(), "every acknowledged event is in the topic, none twice");
        assertEquals(records.size(), distinct, "no event_id twice");
    }

    /** SIGTERM to the service's pid, as ./pipeline down sends it; returns once the process is gone. */
    private static Duration stop(String service) throws InterruptedException {
        return LocalStack.terminate(stack.settings().home(), service);
    }

    /** SIGKILL to the service's pid: no shutdown, the node's commit log is all it keeps. */
    private static void kill(String service) throws InterruptedException {
        LocalStack.kill(stack.settings().home(), service);
    }

    private static long historyRows(CqlSession session, String keyspace) {
        return session.execute(SimpleStatement.newInstance("SELECT count(*) FROM " + keyspace + "." + Names.HISTORY_TABLE)
                .setTimeout(REQUEST_TIMEOUT)).one().getLong(0);
    }

    private static Report produced(ProcessResult result) {
        assertEquals(0, result.exitCode(), result.stderr());
        return result.stdout().lines().map(Report::parse).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new AssertionError("no report line in " + result.stdout()));
    }

    private static long records(String topic) {
        return topicReader.endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private static ServiceReport service(UpReport up, String name) {
        return up.services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static String topic(String prefix) throws InterruptedException {
        String topic = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertTrue(Topics.ensure(kafka(), topic, 1, REQUEST_TIMEOUT));
        return topic;
    }

    private static String keyspace(String prefix) {
        String keyspace = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (CqlSession session = session()) {
            Schema.load().apply(session, keyspace, Replication.simple(1));
        }
        return keyspace;
    }

    /** A fresh session: one that saw the node go away may wait out the driver's reconnection backoff. */
    private static CqlSession session() {
        return CassandraSessions.open(cassandra(), stack.settings().datacenter(), REQUEST_TIMEOUT);
    }

    private static String kafka() {
        return stack.settings().kafka().toString();
    }

    private static String cassandra() {
        return stack.settings().cassandra().toString();
    }
}

package dev.listening.it;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.listening.contract.EventField;
import dev.listening.contract.Names;
import dev.listening.producer.run.Report;
import dev.listening.stack.spark.JobExit;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.TopicReader;
import dev.listening.verify.Verifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crashes in the middle of a stream, on the real stack; {@code ./pipeline verify}'s reconciliation
 * judges the outcome: every record stored exactly once, nothing missing, nothing extra.
 */
class FaultsIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();
    private static final int EVENTS = 20_000;
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private final TopicReader topicReader = new TopicReader(STACK.kafkaBootstrap(), Duration.ofSeconds(30));

    @Test
    void streamerKilledWithSigkillMidStreamAndRestartedLosesAndDoublesNothing() throws Exception {
        String topic = STACK.newTopic("crash", 2);
        String keyspace = STACK.newKeyspace("crash");
        Path runDir = STACK.workDir().resolve("crash-" + topic);
        Verifier verifier = new Verifier(topicReader, STACK.session(), keyspace, STACK.songs());
        StreamerSubmission submission = StreamerSubmission.defaults(STACK.root(), runDir, STACK.kafkaBootstrap(),
                        STACK.cassandraContactPoint(), topic, keyspace)
                .withTrigger("1s")
                .withMaxOffsetsPerTrigger(4_000)
                .withCheckpoint(runDir.resolve("checkpoint"));
        SparkRuntime runtime = new SparkRuntime(STACK.root(), runDir);

        CompletableFuture<ProcessResult> producing;
        Path firstLog = runDir.resolve("first.log");
        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(runtime, "local[2]"), firstLog)) {
            producing = CompletableFuture.supplyAsync(() -> STACK.runPipeline(DEADLINE, "produce", "--topic", topic,
                    "--rate", "2000", "--limit", Integer.toString(EVENTS), "--listeners", "50", "--partitions", "2"));
            AtomicReference<Reconciliation.Report> seen = new AtomicReference<>();
            await("some rows stored").atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertTrue(streamer.isAlive(), () -> "on its own: " + JobExit.describe(streamer, firstLog));
                seen.set(verifier.verify(topic, Map.of(), Map.of()));
                return seen.get().stored() > 0;
            });
            ProcessHandle.of(streamer.pid()).ifPresent(ProcessHandle::destroyForcibly);
            assertTrue(streamer.waitFor(Duration.ofSeconds(30)), "SIGKILL stops the streamer");
            assertTrue(seen.get().stored() < EVENTS, "killed in the middle, after " + seen.get().stored() + " rows");
        }
        ProcessResult produced = producing.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, produced.exitCode(), produced.stderr());

        Path secondLog = runDir.resolve("second.log");
        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(runtime, "local[2]"), secondLog)) {
            Reconciliation.Report report = StreamerChecks.awaitNothingMissing(verifier, topic, streamer, secondLog, DEADLINE,
                    Duration.ofSeconds(2));
            assertEquals(EVENTS, report.records());
            assertEquals(EVENTS, report.stored());
            assertTrue(report.passed(), report.toString());
            assertEquals(List.of(), report.unexpected());
            assertEquals(0, report.duplicateIdsInTopic());
        }
    }

    /**
     * The replay window itself: a batch whose rows are all stored while its commit file is not in the
     * checkpoint. After the first batch is committed, the checkpoint's commits directory is set aside
     * and a plain file put in its place, so the next batch's commit cannot be written (not even by
     * root): the job dies right after that batch's rows are stored, before its commit. With the
     * directory back, the restart replays the batch, which must change none of the rows, then goes on;
     * every event ends up stored exactly once.
     */
    @Test
    void batchReplayedAfterTheJobDiedBetweenItsWriteAndItsCommitChangesNoRow() throws Exception {
        int first = 500;
        int events = 2_500;
        String topic = STACK.newTopic("replay", 1);
        String keyspace = STACK.newKeyspace("replay");
        Path runDir = STACK.workDir().resolve("replay-" + topic);
        Path commits = runDir.resolve("checkpoint").resolve("commits");
        Path commitsAside = runDir.resolve("commits-aside");
        Verifier verifier = new Verifier(topicReader, STACK.session(), keyspace, STACK.songs());
        StreamerSubmission submission = StreamerSubmission.defaults(STACK.root(), runDir, STACK.kafkaBootstrap(),
                        STACK.cassandraContactPoint(), topic, keyspace)
                .withTrigger("1s")
                .withCheckpoint(runDir.resolve("checkpoint"));
        SparkRuntime runtime = new SparkRuntime(STACK.root(), runDir);
        produce(topic, first);

        Path firstLog = runDir.resolve("first.log");
        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(runtime, "local[2]"), firstLog)) {
            await("the first batch committed").atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertTrue(streamer.isAlive(), () -> JobExit.describe(streamer, firstLog));
                // the commit file and, renamed after it, its checksum: the commit is complete
                return Files.exists(commits.resolve("0")) && Files.exists(commits.resolve(".0.crc"));
            });
            Files.move(commits, commitsAside);
            Files.createFile(commits);
            produce(topic, events - first);
            assertTrue(streamer.waitFor(DEADLINE), "the job dies when it cannot commit its second batch");
            assertNotEquals(0, streamer.exitValue());
        }
        Map<String, String> beforeReplay = historyRows(keyspace);
        assertTrue(beforeReplay.size() > first, "the second batch's rows were stored before its commit: " + beforeReplay.size());

        Files.delete(commits);
        Files.move(commitsAside, commits);
        assertFalse(Files.exists(commits.resolve("1")));
        Path secondLog = runDir.resolve("second.log");
        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(runtime, "local[2]"), secondLog)) {
            Reconciliation.Report report = StreamerChecks.awaitNothingMissing(verifier, topic, streamer, secondLog, DEADLINE,
                    Duration.ofSeconds(1));
            await("the replayed batch committed").atMost(DEADLINE).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertTrue(streamer.isAlive(), () -> JobExit.describe(streamer, secondLog));
                return Files.exists(commits.resolve("1"));
            });
            Map<String, String> afterReplay = historyRows(keyspace);
            beforeReplay.forEach((eventId, row) -> assertEquals(row, afterReplay.get(eventId), "the replay rewrote " + eventId + " as it was"));
            assertEquals(events, report.stored());
            assertEquals(events, afterReplay.size());
            assertTrue(report.passed(), report.toString());
            assertEquals(List.of(), report.unexpected());
        }
    }

    private static void produce(String topic, int events) {
        ProcessResult produced = STACK.runPipeline(DEADLINE, "produce", "--topic", topic, "--rate", "max",
                "--limit", Integer.toString(events));
        assertEquals(0, produced.exitCode(), produced.stderr());
    }

    /** Every row of the keyspace's history, whole, by event_id. */
    private static Map<String, String> historyRows(String keyspace) {
        return STACK.session().execute("SELECT * FROM " + keyspace + "." + Names.HISTORY_TABLE).all().stream()
                .collect(Collectors.toMap(row -> String.valueOf(row.getUuid(EventField.EVENT_ID.jsonName())),
                        Row::getFormattedContents));
    }

    @Test
    void producerStoppedWithSigtermLeavesEveryAcknowledgedEventInKafka() throws Exception {
        String topic = STACK.newTopic("sigterm", 1);
        Path jar = STACK.root().resolve("producer/target/producer-1.0.0-SNAPSHOT-all.jar");
        Path out = STACK.workDir().resolve("sigterm-" + topic + ".out");
        Process producer = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.toString(), "--bootstrap", STACK.kafkaBootstrap(), "--topic", topic, "--rate", "max",
                "--songs", STACK.root().resolve("data/spotify-songs.csv").toString()))
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            await("the producer is under way").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                    .until(() -> topicReader.endOffsets(topic).values().stream().mapToLong(Long::longValue).sum() > 5_000);
            producer.destroy();
            assertTrue(producer.waitFor(60, TimeUnit.SECONDS), "SIGTERM ends the producer");
        } finally {
            producer.destroyForcibly();
        }
        Report report = Files.readAllLines(out, StandardCharsets.UTF_8).stream().map(Report::parse)
                .flatMap(java.util.Optional::stream).findFirst()
                .orElseThrow(() -> new AssertionError("no report line in " + out));
        assertTrue(report.acknowledged() > 5_000, report.line());
        assertEquals(0, report.failed(), report.line());
        assertEquals(report.sent(), report.acknowledged(), "SIGTERM flushes what was sent: " + report.line());

        List<dev.listening.verify.RecordRef> records = topicReader.read(topic, Map.of(), Map.of());
        assertEquals(report.acknowledged(), records.size(), "every acknowledged event is in the topic, once");
        assertEquals(records.size(), records.stream().map(r -> r.row().eventId()).distinct().count(), "no event_id twice");
    }
}

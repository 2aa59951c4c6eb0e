package dev.listening.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.Names;
import dev.listening.contract.metrics.BatchMetrics;
import dev.listening.bench.StreamerMetrics;
import dev.listening.cql.report.ReportCommand;
import dev.listening.stack.spark.JobExit;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * The rollups on the real stack, with one streamer run: a fixed set of plays, in two batches, gives
 * reports whose every line was worked out by hand, the data-quality check passes and fails on its thresholds,
 * and the same records sent again leave every rollup row as it was: those older than the rollups' watermark
 * are counted as late, the others are dropped as duplicates.
 */
class RollupsIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();
    private static final Duration DEADLINE = Duration.ofMinutes(5);
    private static final String LIAM = "Liam O'Connor";
    private static final String ADA = "Ada";
    private static final String ZOE = "Zoë \"Z\" O'Hara";
    /** Songs of data/spotify-songs.csv; their durations (ms) are read off the file for the minutes below. */
    private static final Song CRUEL_SUMMER = new Song("Cruel Summer", "Taylor Swift");    // 178,426 ms
    private static final Song LA_DIABLA = new Song("La Diabla", "Xavi");                  // 172,264 ms
    private static final Song YES_AND = new Song("yes, and?", "Ariana Grande");           // 214,994 ms
    private static final Song PERRO_NEGRO = new Song("PERRO NEGRO", "Bad Bunny, Feid");   // 162,767 ms
    private static final Song UNKNOWN = new Song("No Such Song", "Nobody");               // not in the file

    private final String topic = STACK.newTopic("rollups", 1);
    private final String keyspace = STACK.newKeyspace("rollups");
    private final Path runDir = STACK.workDir().resolve("rollups-" + topic);
    private final Path outDir = runDir.resolve("output");
    private final CqlSession session = STACK.session();

    /**
     * 2025-03-14, each listener's plays further apart than the songs last (no overlaps):
     * hour 20: Liam Cruel Summer, Ada La Diabla, Liam Cruel Summer, Ada yes-and, Liam La Diabla, Ada an unknown song;
     * hour 21: Zoë La Diabla, Liam yes-and, Liam PERRO NEGRO; hour 22: nothing; 2025-03-15 00h: Ada Cruel Summer.
     */
    private static final List<ListeningEvent> PLAYS = List.of(
            play(LIAM, "2025-03-14T20:00:00Z", CRUEL_SUMMER),
            play(ADA, "2025-03-14T20:05:00Z", LA_DIABLA),
            play(LIAM, "2025-03-14T20:10:00Z", CRUEL_SUMMER),
            play(ADA, "2025-03-14T20:15:00Z", YES_AND),
            play(LIAM, "2025-03-14T20:20:00Z", LA_DIABLA),
            play(ADA, "2025-03-14T20:25:00Z", UNKNOWN),
            play(ZOE, "2025-03-14T21:00:00Z", LA_DIABLA),
            play(LIAM, "2025-03-14T21:05:00Z", YES_AND),
            play(LIAM, "2025-03-14T21:10:00Z", PERRO_NEGRO),
            play(ADA, "2025-03-15T00:10:00Z", CRUEL_SUMMER));

    @Test
    void reportsAreExactAndTheSameRecordsAgainLeaveTheRollupsUnchanged() throws Exception {
        // Two batches: hour 20's totals, its La Diabla plays and Liam's day each add up parts of both.
        int firstBatch = 3;
        send(PLAYS.subList(0, firstBatch));
        StreamerSubmission submission = StreamerSubmission.defaults(STACK.root(), runDir, STACK.kafkaBootstrap(),
                        STACK.cassandraContactPoint(), topic, keyspace)
                .withTrigger("1s")
                .withRollupInterval("2s")
                .withCheckpoint(runDir.resolve("checkpoint"));
        Path log = runDir.resolve("streamer.log");
        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(
                submission.job(new SparkRuntime(STACK.root(), runDir), "local[2]"), log)) {
            awaitBatchesThrough(streamer, log, submission.metricsFile(), firstBatch);
            send(PLAYS.subList(firstBatch, PLAYS.size()));
            awaitBatchesThrough(streamer, log, submission.metricsFile(), PLAYS.size());
            assertReportsAreTheHandComputedOnes();
            assertQualityCheck();

            // Spark judges a batch's events late by the watermark of the batch before it: one more batch first, so
            // that the watermark the same plays again are judged by is the newest play (2025-03-15T00:10) minus the
            // default lateness (10 min). Then every play of 2025-03-14 is late; the one at 00:10 is a duplicate.
            send(List.of(play(ZOE, "2025-03-15T00:11:00Z", CRUEL_SUMMER)));
            awaitBatchesThrough(streamer, log, submission.metricsFile(), PLAYS.size() + 1L);
            Map<String, List<String>> before = rollupRows();
            send(PLAYS);
            awaitBatchesThrough(streamer, log, submission.metricsFile(), 2L * PLAYS.size() + 1);

            assertEquals(before, rollupRows(), "the same plays again change no rollup");
            assertEquals(PLAYS.size() + 1, session.execute("SELECT * FROM " + keyspace + "." + Names.HISTORY_TABLE).all().size());
            await("late plays counted").atMost(DEADLINE).until(() -> lateForRollups(submission.metricsFile()) == PLAYS.size() - 1);
        }
    }

    private void assertReportsAreTheHandComputedOnes() throws IOException {
        assertEquals("""
                rank,song,artists,plays
                1,Cruel Summer,Taylor Swift,2
                1,La Diabla,Xavi,2
                3,No Such Song,Nobody,1
                3,"yes, and?",Ariana Grande,1
                """, csvReport("top-songs", "--date", "2025-03-14", "--hour", "20"));
        assertEquals("""
                rank,song,artists,plays
                1,La Diabla,Xavi,3
                2,Cruel Summer,Taylor Swift,2
                2,"yes, and?",Ariana Grande,2
                4,No Such Song,Nobody,1
                4,PERRO NEGRO,"Bad Bunny, Feid",1
                """, csvReport("top-songs", "--date", "2025-03-14"));
        assertEquals("rank,song,artists,plays\n", csvReport("top-songs", "--date", "2025-03-14", "--hour", "22"));
        assertEquals("""
                rank,hour,plays,listeners
                1,20,6,2
                2,21,3,2
                """, csvReport("busiest-hours", "--date", "2025-03-14"));
        assertEquals("""
                rank,artist,plays
                1,Taylor Swift,3
                1,Xavi,3
                3,Ariana Grande,2
                4,Bad Bunny,1
                4,Feid,1
                4,Nobody,1
                """, csvReport("top-artists", "--from", "2025-03-14", "--to", "2025-03-15"));

        // Minutes: Liam 2 x 178,426 + 172,264 + 214,994 + 162,767 = 906,877 ms = 15.1146 min; Ada 172,264 +
        // 214,994 = 387,258 ms (the unknown song counts no time) = 6.4543 min; Zoë 172,264 ms = 2.87107 min.
        String text = report("top-listeners", "--date", "2025-03-14");
        String expected = """
                -- report:     top-listeners
                -- keyspace:   %s
                -- parameters: date = '2025-03-14', n = 10
                -- read:       1 partition of listener_daily

                 rank | name           | plays | minutes_listened
                ------+----------------+-------+------------------
                    1 | Liam O'Connor  |     5 |          15.1146
                    2 | Ada            |     3 |           6.4543
                    3 | Zoë "Z" O'Hara |     1 |          2.87107

                (3 rows)
                """.formatted(keyspace);
        assertEquals(expected, text);
        assertEquals(expected, Files.readString(outDir.resolve("report-top-listeners.txt")));
    }

    private void assertQualityCheck() {
        String[] verify = {"verify", "--topic", topic, "--keyspace", keyspace, "--quality",
                "--ts-from", "2025-03-01T00:00:00Z", "--ts-to", "2025-03-31T00:00:00Z"};
        ProcessResult passed = STACK.runPipeline(concat(verify, "--max-join-miss-share", "0.1"));
        assertEquals(0, passed.exitCode(), passed.stdout() + passed.stderr());
        assertTrue(passed.stdout().contains("join misses          1 of 10 rows (10.00 %)"), passed.stdout());
        assertTrue(passed.stdout().contains("overlapping plays    0 listeners (0 plays)"), passed.stdout());
        assertTrue(passed.stdout().contains("rollups = history    0 of 3 sampled hours differ"), passed.stdout());

        ProcessResult crossed = STACK.runPipeline(concat(verify, "--max-join-miss-share", "0.05"));
        assertEquals(1, crossed.exitCode(), crossed.stdout() + crossed.stderr());
        assertTrue(crossed.stdout().contains("quality: thresholds crossed: join misses"), crossed.stdout());
    }

    private String csvReport(String... args) throws IOException {
        String printed = report(concat(args, "--format", "csv"));
        String file = Files.readString(outDir.resolve("report-" + args[0] + ".csv"));
        assertEquals(file, printed, "the file and the terminal say the same");
        return file;
    }

    /** Runs ./pipeline report in this JVM (no JVM start per report), against the fixture's Cassandra. */
    private String report(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cassandra", STACK.cassandraContactPoint(), "--datacenter", STACK.datacenter(),
                "--keyspace", keyspace, "--out-dir", outDir.toString()));
        int exit = new CommandLine(new ReportCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        assertEquals(0, exit, all + ": " + err);
        return out.toString();
    }

    /** Every row of the rollup tables and of the parts they are summed from, as text, by table. */
    private Map<String, List<String>> rollupRows() {
        return Map.of(
                Names.BY_HOUR_TABLE, rows(Names.BY_HOUR_TABLE),
                Names.LISTENER_DAILY_TABLE, rows(Names.LISTENER_DAILY_TABLE),
                Names.LISTENER_HOURLY_TABLE, rows(Names.LISTENER_HOURLY_TABLE),
                Names.LISTENER_SONG_HOURLY_TABLE, rows(Names.LISTENER_SONG_HOURLY_TABLE));
    }

    private List<String> rows(String table) {
        return session.execute("SELECT * FROM " + keyspace + "." + table).all().stream()
                .map(Row::getFormattedContents).sorted().toList();
    }

    /** Until the streamer's metrics show batches covering this many records, and rollups covering those batches. */
    private void awaitBatchesThrough(SparkSubmitProcess streamer, Path log, Path metrics, long records) {
        await("rollups of " + records + " records of " + topic).atMost(DEADLINE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            assertTrue(streamer.isAlive(), () -> JobExit.describe(streamer, log));
            return StreamerMetrics.read(metrics).rolledUp(records);
        });
    }

    private static long lateForRollups(Path metrics) {
        return StreamerMetrics.read(metrics).records().stream().mapToLong(BatchMetrics::lateForRollups).sum();
    }

    private void send(List<ListeningEvent> events) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (ListeningEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.userId(), EventJson.toBytes(event))).get();
            }
        }
    }

    private static ListeningEvent play(String name, String at, Song song) {
        // A fixed id per play, so that sending the list again sends the same events.
        UUID id = UUID.nameUUIDFromBytes((name + at).getBytes(StandardCharsets.UTF_8));
        return new ListeningEvent(ListeningEvent.SCHEMA_VERSION, id.toString(), Instant.parse(at).toEpochMilli(),
                "user-" + name.hashCode(), name, "IE", "Cork", "Linux", "web", "desktop", song.title(), song.artists());
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private record Song(String title, String artists) {
    }
}

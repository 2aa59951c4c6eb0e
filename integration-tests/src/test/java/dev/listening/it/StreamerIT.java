package dev.listening.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.contract.EventField;
import dev.listening.contract.EventJson;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.Names;
import dev.listening.contract.SongColumn;
import dev.listening.contract.metrics.BatchMetrics;
import dev.listening.contract.metrics.MetricsFile;
import dev.listening.stack.net.Ports;
import dev.listening.stack.spark.JobExit;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The streamer job as users run it (the job jar through SparkSubmit, a child JVM) on the real local
 * stack: every event lands exactly once, unknown songs without features, malformed records as dead
 * letters, and a restart on the same checkpoint resumes without doubling anything.
 */
class StreamerIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    /** Songs of data/spotify-songs.csv with their musical key, read off the file. */
    private static final List<KnownSong> KNOWN_SONGS = List.of(
            new KnownSong("Cruel Summer", "Taylor Swift", 9),
            new KnownSong("La Diabla", "Xavi", 11),
            new KnownSong("yes, and?", "Ariana Grande", 1));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant LAST_MS_OF_A_DAY = Instant.parse("2024-03-10T23:59:59.999Z");

    private final String topic = STACK.newTopic("streamer", 2);
    private final String keyspace = STACK.newKeyspace("streamer");
    private final Path runDir = STACK.workDir().resolve("streamer-" + topic);
    private final CqlSession session = STACK.session();

    @Test
    void everyEventLandsOnceMalformedOnesAreDeadLettersAndARestartResumesWithoutDoubling() throws Exception {
        Sent first = new Sent();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 0; i < 360; i++) {
                KnownSong song = KNOWN_SONGS.get(i % KNOWN_SONGS.size());
                first.event(producer, event(i, song.title(), song.artists()));
            }
            for (int i = 360; i < 400; i++) {
                first.event(producer, event(i, "No Such Song " + i, "Nobody"));
            }
            // a version 1 event, as written before the play details existed
            first.event(producer, new ListeningEvent(1, UUID.randomUUID().toString(),
                    LAST_MS_OF_A_DAY.toEpochMilli(), "user-boundary", "Boundary", "PT", "Porto", "Linux", "web",
                    "desktop", "Cruel Summer", "Taylor Swift"));
            first.malformed(producer, "not json {".getBytes(StandardCharsets.UTF_8), "not a JSON object");
            first.malformed(producer, "{\"event_id\":\"0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6071\",\"ts\":1}"
                    .getBytes(StandardCharsets.UTF_8), "missing required field(s): schema_version, user_id, name, song, artists");
            first.malformed(producer, EventJson.toBytes(new ListeningEvent(ListeningEvent.SCHEMA_VERSION, "not-a-uuid", 1_700_000_000_000L,
                    "u", "Ada", null, null, null, null, null, "La Diabla", "Xavi")), "event_id is not a UUID: 'not-a-uuid'");
            first.malformed(producer, null, "the record has no value");
        }

        int metricsPort = Ports.free(1).get(0);
        StreamerSubmission submission = StreamerSubmission.defaults(STACK.root(), runDir, STACK.kafkaBootstrap(),
                        STACK.cassandraContactPoint(), topic, keyspace)
                .withTrigger("1s")
                .withCheckpoint(runDir.resolve("checkpoint"))
                .withMetricsPort(metricsPort);
        SparkRuntime runtime = new SparkRuntime(STACK.root(), runDir);
        Path metrics = submission.metricsFile();

        Path firstLog = runDir.resolve("first-run.log");
        BatchTotals firstTotals = new BatchTotals(first.records(), first.deadLetters.size(), first.unknownSongs.size());
        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(runtime, "local[2]"), firstLog)) {
            awaitRows(streamer, first, firstLog, metrics, 0);
            assertEquals(firstTotals, BatchTotals.of(metrics, 0));
            assertEquals(firstTotals, BatchTotals.scraped(metricsPort), "the Prometheus endpoint counts the same");
        }
        assertCleanStop(firstLog);
        assertRowsAre(first);
        int firstRunRecords = MetricsFile.read(metrics).size();
        assertTrue(MetricsFile.read(metrics).stream().anyMatch(m -> m.freshnessSeconds() != null && m.newestEventTime() != null),
                "the newest event stored and its freshness are reported");

        Row boundary = session.execute("SELECT hour, event_id, schema_version, action, skipped FROM " + keyspace + "."
                + Names.HISTORY_TABLE + " WHERE name = 'Boundary' AND date = ? AND hour = 23", LocalDate.parse("2024-03-10")).one();
        assertNotNull(boundary, "the last millisecond of 2024-03-10 (UTC) is in hour 23 of that day");
        assertEquals(1, boundary.getInt(EventField.SCHEMA_VERSION.jsonName()));
        assertNull(boundary.getString(EventField.ACTION.jsonName()));
        assertTrue(boundary.isNull(HistoryColumn.SKIPPED));

        Sent second = first.next();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int i = 1000; i < 1100; i++) {
                second.event(producer, event(i, "La Diabla", "Xavi"));
            }
            // Sent again, as a producer retry would: the same event, so the same row.
            second.resend(producer, first.eventIds.stream().filter(id -> !first.unknownSongs.contains(id)).findFirst().orElseThrow());
            second.malformed(producer, "]".getBytes(StandardCharsets.UTF_8), "not a JSON object");
        }
        List<JsonNode> plays = produceSessions();
        second.played(plays);

        Path secondLog = runDir.resolve("second-run.log");
        // Two Kafka partitions read in four tasks a batch: split offset ranges still store each event once.
        try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.withMinPartitions(4).job(runtime, "local[2]"),
                secondLog)) {
            awaitRows(streamer, second, secondLog, metrics, firstRunRecords);
        }
        assertRowsAre(second);
        // Resumed from the checkpoint: the second run read only what was produced after the first stopped.
        assertEquals(new BatchTotals(second.records(), 1, 0), BatchTotals.of(metrics, firstRunRecords));
        assertPlayDetailsAre(plays);
        assertAveragesCountTheSkips(plays);
    }

    /**
     * A day of the sessions scenario, produced by ./pipeline produce into the topic, and the same
     * events (same seed and options) written to a file, read here as the expectation.
     */
    private List<JsonNode> produceSessions() throws IOException {
        List<String> generate = List.of("--scenario", "sessions", "--listeners", "12", "--seed", "21",
                "--start", "2024-03-03T00:00:00Z", "--backfill", "1d");
        Path file = STACK.workDir().resolve("streamer-sessions-" + topic + ".jsonl.gz");
        List<String> toFile = new ArrayList<>(List.of("produce", "--out", file.toString()));
        toFile.addAll(generate);
        List<String> toTopic = new ArrayList<>(List.of("produce", "--topic", topic));
        toTopic.addAll(generate);
        for (List<String> args : List.of(toFile, toTopic)) {
            ProcessResult result = STACK.runPipeline(args.toArray(String[]::new));
            assertEquals(0, result.exitCode(), result.stderr());
        }
        List<JsonNode> plays = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                plays.add(JSON.readTree(line));
            }
        }
        assertTrue(plays.size() > 100, "plays in a day of 12 listeners: " + plays.size());
        assertTrue(plays.stream().anyMatch(p -> p.get("action").asText().equals("skip")), "no skip");
        return plays;
    }

    /** Every play detail of the sessions events, stored as sent; skipped 1 exactly for the skips. */
    private void assertPlayDetailsAre(List<JsonNode> plays) {
        Map<String, Row> rows = new HashMap<>();
        session.execute("SELECT event_id, schema_version, action, played_ms, paused_ms, session_id, skipped FROM "
                + keyspace + "." + Names.HISTORY_TABLE).forEach(r -> rows.put(r.getUuid("event_id").toString(), r));
        long skips = 0;
        for (JsonNode play : plays) {
            Row row = rows.get(play.get("event_id").asText());
            assertNotNull(row, play.toString());
            assertEquals(play.get("schema_version").asInt(), row.getInt(EventField.SCHEMA_VERSION.jsonName()));
            assertEquals(play.get("action").asText(), row.getString(EventField.ACTION.jsonName()));
            assertEquals(play.get("played_ms").asLong(), row.getLong(EventField.PLAYED_MS.jsonName()));
            assertEquals(play.get("paused_ms").asLong(), row.getLong(EventField.PAUSED_MS.jsonName()));
            assertEquals(play.get("session_id").asText(), row.getString(EventField.SESSION_ID.jsonName()));
            boolean skip = play.get("action").asText().equals("skip");
            assertEquals(skip ? 1 : 0, row.getInt(HistoryColumn.SKIPPED), play.toString());
            skips += skip ? 1 : 0;
        }
        assertEquals(skips, rows.values().stream().filter(r -> !r.isNull(HistoryColumn.SKIPPED)
                && r.getInt(HistoryColumn.SKIPPED) == 1).count(), "skipped rows are exactly the skips sent");
    }

    /** ./pipeline query averages on the listener-hour with the most skips: its plays and skips, counted here. */
    private void assertAveragesCountTheSkips(List<JsonNode> plays) throws IOException {
        Map<List<String>, long[]> perHour = new HashMap<>();
        for (JsonNode play : plays) {
            Instant ts = Instant.ofEpochMilli(play.get("ts").asLong());
            List<String> partition = List.of(play.get("name").asText(), ts.atZone(ZoneOffset.UTC).toLocalDate().toString(),
                    Integer.toString(ts.atZone(ZoneOffset.UTC).getHour()));
            long[] counts = perHour.computeIfAbsent(partition, k -> new long[2]);
            counts[0]++;
            counts[1] += play.get("action").asText().equals("skip") ? 1 : 0;
        }
        Map.Entry<List<String>, long[]> busiest = perHour.entrySet().stream()
                .max(Comparator.comparingLong((Map.Entry<List<String>, long[]> e) -> e.getValue()[1])
                        .thenComparing(e -> String.join("/", e.getKey()))).orElseThrow();
        assertTrue(busiest.getValue()[1] > 0);
        Path outDir = Files.createDirectories(runDir.resolve("query"));
        ProcessResult result = STACK.runPipeline("query", "averages", "--keyspace", keyspace,
                "--user", busiest.getKey().get(0), "--date", busiest.getKey().get(1), "--hour", busiest.getKey().get(2),
                "--format", "json", "--out-dir", outDir.toString());
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode row = JSON.readTree(result.stdout()).get("rows").get(0);
        assertEquals(busiest.getValue()[0], row.get("plays").asLong(), row.toString());
        assertEquals(busiest.getValue()[1], row.get("skips").asLong(), row.toString());
    }

    /**
     * Until the rows are in Cassandra and the job has reported the batches that read every record sent
     * in this run: a batch's metrics come after its offsets are committed, so stopping then replays nothing.
     */
    private void awaitRows(SparkSubmitProcess streamer, Sent expected, Path log, Path metrics, int runStart) {
        await("rows of " + topic + " in " + keyspace).atMost(DEADLINE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            assertTrue(streamer.isAlive(), () -> JobExit.describe(streamer, log));
            return count(Names.HISTORY_TABLE) >= expected.eventIds.size()
                    && count(Names.DEAD_LETTER_TABLE) >= expected.deadLetters.size()
                    && BatchTotals.of(metrics, runStart).rows() >= expected.records();
        });
    }

    /**
     * SIGTERM (SparkSubmitProcess.close) stops the job cleanly: nothing in its log looks like a failure. The tasks of a
     * batch in flight are killed by the stop, by design (the batch is replayed on restart): Spark says so of the
     * rollups' cached batch.
     */
    private static void assertCleanStop(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.stream().anyMatch(line -> line.contains("stopping: the batch in flight")), "the job saw the SIGTERM");
        List<String> alarming = lines.stream()
                .filter(line -> line.contains(" ERROR ") || line.contains("Exception") || line.stripLeading().startsWith("at "))
                .filter(line -> !line.endsWith("failed due to exception org.apache.spark.TaskKilledException."))
                .toList();
        assertEquals(List.of(), alarming, "a graceful stop logs no error and no stack trace; see " + log);
    }

    private void assertRowsAre(Sent expected) {
        List<Row> rows = session.execute("SELECT event_id, song, musical_key, danceability, date, hour FROM "
                + keyspace + "." + Names.HISTORY_TABLE).all();
        assertEquals(expected.eventIds.size(), rows.size(), "one row per event, none doubled");
        assertEquals(expected.eventIds, rows.stream().map(r -> r.getUuid("event_id").toString()).collect(Collectors.toSet()));
        Set<String> featureless = rows.stream().filter(r -> r.isNull(SongColumn.DANCEABILITY.column()))
                .map(r -> r.getUuid("event_id").toString()).collect(Collectors.toSet());
        assertEquals(expected.unknownSongs, featureless, "exactly the unknown songs have null features");
        for (KnownSong song : KNOWN_SONGS) {
            rows.stream().filter(r -> r.getString("song").equals(song.title()))
                    .forEach(r -> assertEquals(song.musicalKey(), r.getInt(SongColumn.MUSICAL_KEY.column()), song.title()));
        }

        Map<Long, Row> deadLetters = new HashMap<>();
        session.execute("SELECT kafka_partition, kafka_offset, raw_value, error, topic FROM " + keyspace + "."
                + Names.DEAD_LETTER_TABLE).forEach(r -> deadLetters.put(
                        key(r.getInt(HistoryColumn.DEAD_LETTER_PARTITION), r.getLong(HistoryColumn.DEAD_LETTER_OFFSET)), r));
        assertEquals(expected.deadLetters.keySet(), deadLetters.keySet());
        expected.deadLetters.forEach((key, letter) -> {
            Row row = deadLetters.get(key);
            assertEquals(topic, row.getString(HistoryColumn.DEAD_LETTER_TOPIC));
            if (letter.value() == null) {
                assertNull(row.getByteBuffer(HistoryColumn.DEAD_LETTER_RAW_VALUE));
            } else {
                byte[] stored = new byte[row.getByteBuffer(HistoryColumn.DEAD_LETTER_RAW_VALUE).remaining()];
                row.getByteBuffer(HistoryColumn.DEAD_LETTER_RAW_VALUE).get(stored);
                assertArrayEquals(letter.value(), stored);
            }
            String error = row.getString(HistoryColumn.DEAD_LETTER_ERROR);
            assertTrue(error.startsWith(letter.error()), () -> "'" + error + "' should start with '" + letter.error() + "'");
        });
    }

    /** Rows read one by one: count(*) over a whole table draws a server warning on every poll. */
    private int count(String table) {
        return session.execute("SELECT * FROM " + keyspace + "." + table).all().size();
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip",
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    private static ListeningEvent event(int i, String song, String artists) {
        return new ListeningEvent(ListeningEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
                1_700_000_000_000L + i * 60_000L, "user-" + (i % 7), "Listener " + (i % 7), "PT", "Porto",
                "Linux", "web", "desktop", song, artists);
    }

    private static long key(int partition, long offset) {
        return ((long) partition << 48) | offset;
    }

    private record KnownSong(String title, String artists, int musicalKey) {
    }

    private record Letter(byte[] value, String error) {
    }

    /** What the test sent, and so what Cassandra must hold. */
    private final class Sent {
        final Set<String> eventIds = new HashSet<>();
        final Set<String> unknownSongs = new HashSet<>();
        final Map<Long, Letter> deadLetters = new HashMap<>();
        private final Map<String, byte[]> values = new HashMap<>();
        private int records;

        void event(KafkaProducer<String, byte[]> producer, ListeningEvent event) throws ExecutionException, InterruptedException {
            byte[] value = EventJson.toBytes(event);
            producer.send(new ProducerRecord<>(topic, event.name(), value)).get();
            records++;
            eventIds.add(event.eventId());
            values.put(event.eventId(), value);
            if (event.song().startsWith("No Such Song")) {
                unknownSongs.add(event.eventId());
            }
        }

        /** Events the producer sent itself, all of known songs. */
        void played(List<JsonNode> plays) {
            plays.forEach(p -> eventIds.add(p.get("event_id").asText()));
            records += plays.size();
        }

        void malformed(KafkaProducer<String, byte[]> producer, byte[] value, String error) throws ExecutionException, InterruptedException {
            RecordMetadata sent = producer.send(new ProducerRecord<>(topic, "malformed-" + records, value)).get();
            records++;
            deadLetters.put(key(sent.partition(), sent.offset()), new Letter(value, error));
        }

        void resend(KafkaProducer<String, byte[]> producer, String eventId) throws ExecutionException, InterruptedException {
            producer.send(new ProducerRecord<>(topic, "again", values.get(eventId))).get();
            records++;
        }

        int records() {
            return records;
        }

        /** The expectations after more is sent: everything of this run plus what comes next. */
        Sent next() {
            Sent next = new Sent();
            next.eventIds.addAll(eventIds);
            next.unknownSongs.addAll(unknownSongs);
            next.deadLetters.putAll(deadLetters);
            next.values.putAll(values);
            return next;
        }
    }

    /** The sums of the streamer's per-batch metrics. */
    private record BatchTotals(long rows, long deadLetters, long joinMisses) {
        /** Over the records of the metrics file from {@code from} on: one run's, the file being appended across runs. */
        static BatchTotals of(Path metrics, int from) {
            List<BatchMetrics> records = MetricsFile.read(metrics);
            List<BatchMetrics> run = records.subList(Math.min(from, records.size()), records.size());
            return new BatchTotals(run.stream().mapToLong(BatchMetrics::inputRows).sum(),
                    run.stream().mapToLong(BatchMetrics::deadLetters).sum(), run.stream().mapToLong(BatchMetrics::joinMisses).sum());
        }

        /** The same totals off the job's Prometheus endpoint. */
        static BatchTotals scraped(int port) throws IOException, InterruptedException {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            Map<String, Double> samples = new HashMap<>();
            response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split(" "))
                    .forEach(parts -> samples.put(parts[0], Double.parseDouble(parts[1])));
            return new BatchTotals(samples.get("listening_streamer_input_rows_total").longValue(),
                    samples.get("listening_streamer_dead_letters_total").longValue(),
                    samples.get("listening_streamer_join_misses_total").longValue());
        }
    }
}

package dev.listening.it;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listening.bench.StreamerMetrics;
import dev.listening.contract.EventField;
import dev.listening.contract.EventJson;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.Names;
import dev.listening.contract.SongColumn;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.TopicReader;
import dev.listening.verify.Verifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records on the topic that no well-behaved producer sends, fed to the running streamer job on the
 * real stack: each one is stored or dead-lettered as the README documents, counted once, and the
 * stream goes on (the job stays up and later events still land). StreamerIT covers non-JSON,
 * missing fields, a non-UUID event_id and a null value; these are the rest.
 */
class BadRecordsIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A row of data/spotify-songs.csv, read off the file. */
    private static final String SONG = "La Diabla";
    private static final String ARTISTS = "Xavi";
    private static final int ONE_MB = 1_000_000;
    /** Room for the 10 MB record in one request and on the topic (both default to 1 MiB including overhead). */
    private static final int LARGE_RECORDS = 12 * 1024 * 1024;
    private static final String NOT_AN_EVENT = "not a JSON object with the event's fields and types";
    private static final String NOT_UTF8 = "the value is not UTF-8";
    private static final int LATER_EVENTS = 50;

    private final String topic = STACK.newTopic("bad-records", 1);
    private final String keyspace = STACK.newKeyspace("bad_records");
    private final Path runDir = STACK.workDir().resolve("bad-records-" + topic);
    private final CqlSession session = STACK.session();
    private final Verifier verifier = new Verifier(new TopicReader(STACK.kafkaBootstrap(), Duration.ofSeconds(30)),
            STACK.session(), keyspace, STACK.songs());
    private final List<Sent> sent = new ArrayList<>();
    private long events;

    @Test
    void eachBadRecordIsStoredOrDeadLetteredAsDocumentedAndTheStreamGoesOn() throws Exception {
        allowLargeRecords();
        StreamerSubmission submission = StreamerSubmission.defaults(STACK.root(), runDir, STACK.kafkaBootstrap(),
                        STACK.cassandraContactPoint(), topic, keyspace)
                .withTrigger("1s")
                .withCheckpoint(runDir.resolve("checkpoint"));
        Path log = runDir.resolve("streamer.log");
        Random random = new Random(7);
        try (KafkaProducer<String, byte[]> producer = producer();
             SparkSubmitProcess streamer = SparkSubmitProcess.start(
                     submission.job(new SparkRuntime(STACK.root(), runDir), "local[2]"), log)) {
            stored(producer, "a first, good event", event(SONG, ARTISTS, 1_700_000_000_000L));
            StreamerChecks.awaitNothingMissing(verifier, topic, streamer, log, DEADLINE, Duration.ofSeconds(2));

            stored(producer, "extra fields, ignored", with(event(SONG, ARTISTS, 1_700_000_001_000L), node -> {
                node.put("extra", "ignored");
                node.putObject("nested").put("deep", 1);
            }));
            deadLetter(producer, "ts as a string", with(event(SONG, ARTISTS, 1_700_000_002_000L), n -> n.put("ts", "abc")), NOT_AN_EVENT);
            deadLetter(producer, "schema_version as a string",
                    with(event(SONG, ARTISTS, 1_700_000_003_000L), n -> n.put("schema_version", "x")), NOT_AN_EVENT);
            deadLetter(producer, "ts as a decimal number",
                    with(event(SONG, ARTISTS, 1_700_000_004_000L), n -> n.put("ts", 1.7e12)), NOT_AN_EVENT);
            stored(producer, "a ~1 MB event (its city)", new ListeningEvent(ListeningEvent.SCHEMA_VERSION, uuid(),
                    1_700_000_005_000L, "u-large", "Large Listener", "PT", letters(random, ONE_MB), "Linux", "web",
                    "desktop", SONG, ARTISTS));
            deadLetter(producer, "a name over Cassandra's 64 KiB partition key limit", EventJson.toBytes(new ListeningEvent(
                    ListeningEvent.SCHEMA_VERSION, uuid(), 1_700_000_005_500L, "u-long", letters(random, 70_000), "PT", "Porto",
                    "Linux", "web", "desktop", SONG, ARTISTS)),
                    "name is longer than the " + HistoryColumn.MAX_NAME_BYTES + " bytes a partition key allows: 70000 bytes");
            deadLetter(producer, "~1 MB of bytes that are not JSON", letters(random, ONE_MB).getBytes(StandardCharsets.UTF_8),
                    NOT_AN_EVENT);
            deadLetter(producer, "10 MB of JSON that is no event (ts a string)", with(event(SONG, ARTISTS, 1_700_000_005_800L),
                    n -> n.put("ts", "abc").put("city", letters(random, 10 * ONE_MB))), NOT_AN_EVENT);
            stored(producer, "an unknown song", event("No Such Song", "Nobody", 1_700_000_006_000L));
            stored(producer, "ts in 1971", event(SONG, ARTISTS, Instant.parse("1971-02-03T04:05:06.789Z").toEpochMilli()));
            stored(producer, "ts in 2100", event(SONG, ARTISTS, Instant.parse("2100-12-31T23:59:59.999Z").toEpochMilli()));
            deadLetter(producer, "bytes that are not UTF-8", new byte[] {(byte) 0xff, (byte) 0xfe, 0x7b, (byte) 0xc3, 0x28},
                    NOT_UTF8);
            deadLetter(producer, "an event with a byte that is not UTF-8 in a string",
                    replace(EventJson.toBytes(event(SONG, ARTISTS, 1_700_000_007_000L)), "Porto", new byte[] {'P', (byte) 0xff, 'o'}),
                    NOT_UTF8);
            deadLetter(producer, "an empty value", new byte[0], NOT_AN_EVENT);
            deadLetter(producer, "a JSON array of two events", ("[" + EventJson.toJson(event(SONG, ARTISTS, 1_700_000_008_000L)) + ","
                    + EventJson.toJson(event(SONG, ARTISTS, 1_700_000_009_000L)) + "]").getBytes(StandardCharsets.UTF_8), NOT_AN_EVENT);
            for (int i = 0; i < LATER_EVENTS; i++) {
                stored(producer, "a later, good event", event(SONG, ARTISTS, 1_700_000_100_000L + i * 1000L));
            }

            Reconciliation.Report report = StreamerChecks.awaitNothingMissing(verifier, topic, streamer, log, DEADLINE,
                    Duration.ofSeconds(2));
            assertTrue(streamer.isAlive(), "the streamer still runs");
            long deadLetters = sent.stream().filter(s -> s.error() != null).count();
            assertEquals(sent.size(), report.records());
            assertEquals(sent.size() - deadLetters, report.stored(), report.toString());
            assertEquals(deadLetters, report.deadLetters(), report.toString());
            assertEquals(1, report.joinMisses(), "the unknown song, only");
            assertTrue(report.passed(), report.toString());
            for (Sent record : sent) {
                if (record.error() == null) {
                    assertStored(record);
                } else {
                    assertDeadLetter(record);
                }
            }
            StreamerMetrics metrics = StreamerMetrics.read(submission.metricsFile());
            assertEquals(deadLetters, metrics.deadLetters(), "dead letters counted in the batches' metrics");
            assertEquals(1, metrics.joinMisses(), "join misses counted in the batches' metrics");
        }
    }

    private void assertStored(Sent record) {
        ListeningEvent event = record.event();
        ZonedDateTime at = Instant.ofEpochMilli(event.ts()).atZone(ZoneOffset.UTC);
        Row row = session.execute("SELECT * FROM " + keyspace + "." + Names.HISTORY_TABLE
                        + " WHERE name = ? AND date = ? AND hour = ? AND ts = ? AND event_id = ?",
                event.name(), at.toLocalDate(), at.getHour(), Instant.ofEpochMilli(event.ts()), UUID.fromString(event.eventId())).one();
        assertNotNull(row, record.what() + ": stored under its UTC date and hour " + at);
        assertEquals(event.city(), row.getString(EventField.CITY.jsonName()), record.what());
        assertEquals(event.song().equals(SONG), !row.isNull(SongColumn.DANCEABILITY.column()),
                record.what() + ": features exactly when the song is known");
    }

    private void assertDeadLetter(Sent record) {
        Row row = session.execute("SELECT * FROM " + keyspace + "." + Names.DEAD_LETTER_TABLE + " WHERE "
                        + HistoryColumn.DEAD_LETTER_TOPIC + " = ? AND " + HistoryColumn.DEAD_LETTER_PARTITION + " = ? AND "
                        + HistoryColumn.DEAD_LETTER_OFFSET + " = ?",
                topic, record.partition(), record.offset()).one();
        assertNotNull(row, record.what() + ": a dead letter at its offset");
        String error = row.getString(HistoryColumn.DEAD_LETTER_ERROR);
        assertTrue(error.startsWith(record.error()), record.what() + ": '" + error + "' should start with '" + record.error() + "'");
        ByteBuffer raw = row.getByteBuffer(HistoryColumn.DEAD_LETTER_RAW_VALUE);
        byte[] stored = new byte[raw.remaining()];
        raw.get(stored);
        assertArrayEquals(record.value(), stored, record.what() + ": every byte kept");
    }

    private void stored(KafkaProducer<String, byte[]> producer, String what, ListeningEvent event) throws Exception {
        send(producer, what, EventJson.toBytes(event), event, null);
    }

    private void stored(KafkaProducer<String, byte[]> producer, String what, byte[] value) throws Exception {
        send(producer, what, value, EventJson.fromBytes(value), null);
    }

    private void deadLetter(KafkaProducer<String, byte[]> producer, String what, byte[] value, String error) throws Exception {
        send(producer, what, value, null, error);
    }

    private void send(KafkaProducer<String, byte[]> producer, String what, byte[] value, ListeningEvent event, String error)
            throws Exception {
        RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, what, value)).get(30, TimeUnit.SECONDS);
        sent.add(new Sent(what, value, event, error, metadata.partition(), metadata.offset()));
    }

    private ListeningEvent event(String song, String artists, long ts) {
        events++;
        return new ListeningEvent(ListeningEvent.SCHEMA_VERSION, uuid(), ts, "u-" + (events % 3), "Listener " + (events % 3),
                "PT", "Porto", "Linux", "web", "desktop", song, artists);
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }

    private interface Edit {
        void apply(ObjectNode node);
    }

    private static byte[] with(ListeningEvent event, Edit edit) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(EventJson.toBytes(event));
        edit.apply(node);
        return JSON.writeValueAsBytes(node);
    }

    private static byte[] replace(byte[] json, String text, byte[] replacement) {
        String s = new String(json, StandardCharsets.UTF_8);
        int at = s.indexOf(text);
        assertTrue(at >= 0 && s.substring(0, at).chars().allMatch(c -> c < 0x80), "ASCII before '" + text + "'");
        ByteBuffer out = ByteBuffer.allocate(json.length - text.length() + replacement.length);
        out.put(json, 0, at).put(replacement).put(json, at + text.length(), json.length - at - text.length());
        return out.array();
    }

    /** Random lower-case letters: as incompressible as text gets, so the record stays large on the wire. */
    private static String letters(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private void allowLargeRecords() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                            new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(LARGE_RECORDS)),
                            AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap(),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, LARGE_RECORDS,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** One record sent: an event expected as a row (error null), or a value expected as a dead letter with this error. */
    private record Sent(String what, byte[] value, ListeningEvent event, String error, int partition, long offset) {
    }
}

package dev.listening.it;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.Names;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.Scope;
import dev.listening.verify.TopicReader;
import dev.listening.verify.Verifier;
import dev.listening.verify.VerifyText;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * verify is not fooled by what happens to the tables after the stream stored a topic: a column
 * changed with CQL, a stray row in an hour no record touches, a well-formed event's row replaced by a
 * dead letter, a dead letter of an earlier topic of the same name. Each is found by the API and by
 * {@code ./pipeline verify --full}, which exits 1 and prints an example of each.
 */
class VerifyIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final int EVENTS = 40;
    private static final Instant FIRST_PLAY = Instant.parse("2025-03-14T20:00:00Z");
    private static final List<String> LISTENERS = List.of("Ada", "Liam O'Connor");

    private final String topic = STACK.newTopic("verify", 1);
    private final String keyspace = STACK.newKeyspace("verify");
    private final Path runDir = STACK.workDir().resolve("verify-" + topic);
    private final CqlSession session = STACK.session();
    private final Verifier verifier = new Verifier(new TopicReader(STACK.kafkaBootstrap(), Duration.ofSeconds(30)), session,
            keyspace, STACK.songs());

    @Test
    void tamperedStrayAndDeadLetteredRowsFailVerifyWithAnExampleOfEach() throws Exception {
        List<Sent> sent = new ArrayList<>();
        StreamerSubmission submission = StreamerSubmission.defaults(STACK.root(), runDir, STACK.kafkaBootstrap(),
                        STACK.cassandraContactPoint(), topic, keyspace)
                .withTrigger("1s")
                .withCheckpoint(runDir.resolve("checkpoint"));
        Path log = runDir.resolve("streamer.log");
        try (KafkaProducer<byte[], byte[]> producer = producer();
             SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(new SparkRuntime(STACK.root(), runDir), "local[2]"), log)) {
            for (int i = 0; i < EVENTS; i++) {
                ListeningEvent event = new ListeningEvent(ListeningEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
                        FIRST_PLAY.plusSeconds(240L * i).toEpochMilli(), "u" + i % 2, LISTENERS.get(i % 2), "PT", "Porto", "Linux",
                        "web", "desktop", i % 10 == 9 ? "No Such Song" : "La Diabla", i % 10 == 9 ? "Nobody" : "Xavi",
                        i % 3 == 0 ? "skip" : "play", 30_000L, 0L, "s" + i % 2);
                sent.add(send(producer, event, EventJson.toBytes(event)));
            }
            sent.add(send(producer, null, "not an event".getBytes(StandardCharsets.UTF_8)));
            StreamerChecks.awaitNothingMissing(verifier, topic, streamer, log, DEADLINE, Duration.ofSeconds(2));
        }

        Reconciliation.Report clean = verifier.verify(topic, Map.of(), Map.of(), Scope.FULL);
        assertTrue(clean.passed(), String.join("\n", VerifyText.reconciliation(clean, topic, keyspace, 5)));
        assertEquals(List.of((long) EVENTS, (long) EVENTS, 4L, 1L), List.of(clean.stored(), clean.rowsRead(), clean.joinMisses(),
                clean.deadLetters()));

        Sent tampered = sent.get(3);
        session.execute("UPDATE " + keyspace + "." + Names.HISTORY_TABLE + " SET country = 'XX' WHERE name = ? AND date = ? AND hour = ?"
                + " AND ts = ? AND event_id = ?", key(tampered));
        Sent deadLettered = sent.get(5);
        session.execute("DELETE FROM " + keyspace + "." + Names.HISTORY_TABLE + " WHERE name = ? AND date = ? AND hour = ? AND ts = ?"
                + " AND event_id = ?", key(deadLettered));
        insertDeadLetter(deadLettered, deadLettered.timestamp());
        Sent garbage = sent.get(EVENTS);
        insertDeadLetter(garbage, garbage.timestamp().minusSeconds(3600));
        UUID strayId = UUID.randomUUID();
        session.execute("INSERT INTO " + keyspace + "." + Names.HISTORY_TABLE + " (name, date, hour, ts, event_id, country)"
                + " VALUES (?, ?, ?, ?, ?, 'PT')", "Ada", LocalDate.parse("2001-02-03"), 4, Instant.parse("2001-02-03T04:05:06Z"), strayId);

        Reconciliation.Report records = verifier.verify(topic, Map.of(), Map.of());
        assertEquals(List.of(), records.unexpected(), "the stray is in no partition the records point at");
        Reconciliation.Report full = verifier.verify(topic, Map.of(), Map.of(), Scope.FULL);
        String shown = String.join("\n", VerifyText.reconciliation(full, topic, keyspace, 5));
        assertFalse(full.passed(), shown);
        assertEquals(List.of("0@3 " + tampered.event().eventId() + ": country: row 'XX', event 'PT'"), full.differing(), shown);
        assertEquals(List.of("0@5 " + deadLettered.event().eventId()), full.deadLetteredEvents(), shown);
        assertEquals(List.of("0@" + EVENTS), full.missing(), "the stale dead letter accounts for nothing: " + shown);
        assertEquals(1, full.staleDeadLetters(), shown);
        assertEquals(List.of("Ada 2001-02-03 4h 2001-02-03T04:05:06Z " + strayId), full.unexpected(), shown);

        Reconciliation.Report range = verifier.verify(topic, Map.of(0, 10L), Map.of(), Scope.FULL);
        assertEquals(9, range.rowsOfRecordsOutsideRange(), "the rows of records 0-9 (5's is gone) are explained, not strays");
        assertEquals(full.unexpected(), range.unexpected());

        ProcessResult cli = STACK.runPipeline("verify", "--full", "--topic", topic, "--keyspace", keyspace);
        assertEquals(1, cli.exitCode(), cli.stdout() + cli.stderr());
        for (String example : List.of(full.differing().get(0), full.deadLetteredEvents().get(0), full.unexpected().get(0),
                "missing              1", "stale ones, of an earlier topic of the name: 1", "rows read            40 in ",
                "verdict: NOT exactly once as sent")) {
            assertTrue(cli.stdout().contains(example), example + " in:\n" + cli.stdout());
        }
    }

    private Object[] key(Sent sent) {
        ListeningEvent event = sent.event();
        Instant ts = Instant.ofEpochMilli(event.ts());
        return new Object[] {event.name(), LocalDate.ofInstant(ts, ZoneOffset.UTC), ts.atZone(ZoneOffset.UTC).getHour(),
                ts, UUID.fromString(event.eventId())};
    }

    private void insertDeadLetter(Sent sent, Instant receivedAt) {
        session.execute("INSERT INTO " + keyspace + "." + Names.DEAD_LETTER_TABLE + " (topic, kafka_partition, kafka_offset, raw_value,"
                + " error, received_at) VALUES (?, ?, ?, ?, 'put there by the test', ?)", topic, sent.partition(), sent.offset(),
                ByteBuffer.wrap(sent.value()), receivedAt);
    }

    private Sent send(KafkaProducer<byte[], byte[]> producer, ListeningEvent event, byte[] value) throws Exception {
        RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, value)).get(30, TimeUnit.SECONDS);
        return new Sent(event, value, metadata.partition(), metadata.offset(), Instant.ofEpochMilli(metadata.timestamp()));
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A record sent: its event (null for a value that is none), and where and when Kafka put it. */
    private record Sent(ListeningEvent event, byte[] value, int partition, long offset, Instant timestamp) {
    }
}

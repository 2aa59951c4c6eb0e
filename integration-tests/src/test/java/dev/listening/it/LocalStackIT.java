package dev.listening.it;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.Names;
import dev.listening.stack.PortUse;
import dev.listening.stack.ServiceStatus;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.kafka.KafkaService;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared fixture gives a real broker and a real node that clients can use, `./pipeline status`
 * sees them, and no one else can reach them.
 */
class LocalStackIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();

    @Test
    void aRecordProducedToTheBrokerIsConsumedBack() throws Exception {
        String topic = STACK.newTopic("local-stack", 1);
        String value = "{\"event_id\":\"" + UUID.randomUUID() + "\"}";
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(topic, "listener-1", value)).get(30, TimeUnit.SECONDS);
        }
        assertEquals(0, sent.offset());

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap()), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return !received.isEmpty();
            });
        }
        assertEquals(1, received.size());
        assertEquals("listener-1", received.get(0).key());
        assertEquals(value, received.get(0).value());
    }

    @Test
    void aRowWrittenToListeningHistoryIsReadBack() {
        String keyspace = STACK.newKeyspace("local_stack");
        String table = keyspace + "." + Names.HISTORY_TABLE;
        UUID eventId = UUID.randomUUID();
        Instant ts = Instant.parse("2024-05-01T13:05:00.123Z");
        String name = EventField.NAME.jsonName();
        String song = EventField.SONG.jsonName();
        STACK.session().execute("INSERT INTO " + table + " (" + String.join(", ", name, HistoryColumn.DATE, HistoryColumn.HOUR,
                        EventField.TS.jsonName(), EventField.EVENT_ID.jsonName(), song) + ") VALUES (?, ?, ?, ?, ?, ?)",
                "Ann", LocalDate.parse("2024-05-01"), 13, ts, eventId, "Hello");

        List<Row> rows = STACK.session().execute("SELECT * FROM " + table + " WHERE " + name + " = ? AND "
                + HistoryColumn.DATE + " = ? AND " + HistoryColumn.HOUR + " = ?", "Ann", LocalDate.parse("2024-05-01"), 13).all();
        assertEquals(1, rows.size());
        assertEquals(eventId, rows.get(0).getUuid(EventField.EVENT_ID.jsonName()));
        assertEquals(ts, rows.get(0).getInstant(EventField.TS.jsonName()));
        assertEquals("Hello", rows.get(0).getString(song));
    }

    @Test
    void statusSaysBothServicesRunAndAreReady() {
        ProcessResult status = STACK.runPipeline("status");
        assertEquals(0, status.exitCode(), status.stdout() + status.stderr());
        List<String> lines = status.stdout().lines().toList();
        assertEquals(2, lines.size(), status.stdout());
        assertTrue(lines.get(0).startsWith("kafka "), lines.get(0));
        assertTrue(lines.get(0).contains("running, ready"), lines.get(0));
        assertTrue(lines.get(0).contains(STACK.kafkaBootstrap()), lines.get(0));
        assertTrue(lines.get(1).startsWith("cassandra "), lines.get(1));
        assertTrue(lines.get(1).contains("running, ready"), lines.get(1));
        assertTrue(lines.get(1).contains(STACK.cassandraContactPoint()), lines.get(1));
    }

    @Test
    void everyServiceListensOnLoopbackOnly() throws InterruptedException {
        assumeTrue(ListeningSockets.readable(), "no Linux /proc to read listening sockets from");
        List<ServiceStatus> services = STACK.services();
        assertEquals(Set.of(KafkaService.NAME, CassandraService.NAME), services.stream().map(ServiceStatus::name).collect(toSet()));
        for (ServiceStatus service : services) {
            List<InetSocketAddress> listening = ListeningSockets.of(service.pid().orElseThrow());
            Set<Integer> ports = listening.stream().map(InetSocketAddress::getPort).collect(toSet());
            for (PortUse port : service.ports()) {
                assertTrue(ports.contains(port.endpoint().port()), service.name() + " does not listen on its " + port.role()
                        + " port " + port.endpoint() + ": " + listening);
            }
            // 0.0.0.0 and :: are not loopback: they mean every interface
            assertEquals(List.of(), listening.stream().filter(socket -> !socket.getAddress().isLoopbackAddress()).toList(),
                    service.name() + " (pid " + service.pid().getAsLong() + ") listens beyond loopback; all its sockets: " + listening);
        }
    }
}

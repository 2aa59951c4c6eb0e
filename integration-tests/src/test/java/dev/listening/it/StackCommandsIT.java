package dev.listening.it;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.Env;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.Names;
import dev.listening.cql.CassandraSessions;
import dev.listening.stack.ProjectRoot;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.kafka.KafkaService;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.net.Ports;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ./pipeline up, status and down as a user runs them, on ports of their own (neither the defaults
 * nor the shared fixture's), configured through the PIPELINE_* variables.
 */
class StackCommandsIT {
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(4);
    private static final Path ROOT = ProjectRoot.get();
    private static final Path RUN_DIR = RunDirs.fresh("stack-commands");
    private static final Path HOME = RunDirs.home(RUN_DIR);
    private static final String DEAD_LETTERS = Names.KEYSPACE + "." + Names.DEAD_LETTER_TABLE;

    private static HostPort kafka;
    private static HostPort cassandra;
    private static PipelineRunner pipeline;
    private static List<Integer> ports;

    @BeforeAll
    static void freePorts() {
        ports = Ports.free(4);
        kafka = new HostPort(Env.DEFAULT_HOST, ports.get(0));
        cassandra = new HostPort(Env.DEFAULT_HOST, ports.get(2));
        pipeline = runner(HOME, kafka.port());
    }

    private static PipelineRunner runner(Path home, int kafkaPort) {
        return new PipelineRunner(ROOT, RUN_DIR.resolve("work"), Map.of(
                Env.KAFKA, kafka.withPort(kafkaPort).toString(),
                Env.KAFKA_CONTROLLER_PORT, ports.get(1).toString(),
                Env.CASSANDRA, cassandra.toString(),
                Env.CASSANDRA_STORAGE_PORT, ports.get(3).toString(),
                Env.HOME, home.toString()),
                List.of(Env.TOPIC, Env.KEYSPACE, Env.DATACENTER));
    }

    @AfterAll
    static void nothingLeftRunning() {
        RunDirs.removeWithServices(RUN_DIR);
    }

    @Test
    void upTwiceThenDownLeavesNoProcessAndTheNextUpKeepsTheData() throws Exception {
        ProcessResult up = pipeline.run(COMMAND_TIMEOUT, "up");
        assertEquals(0, up.exitCode(), up.stdout() + up.stderr());
        assertTrue(up.stdout().lines().anyMatch(l -> l.matches("kafka +ready in \\d+\\.\\d s +" + kafka + " .*")), up.stdout());
        assertTrue(up.stdout().lines().anyMatch(l -> l.matches("cassandra +ready in \\d+\\.\\d s +" + cassandra + " .*")), up.stdout());
        long kafkaPid = pid(KafkaService.NAME);
        long cassandraPid = pid(CassandraService.NAME);
        assertTrue(alive(kafkaPid) && alive(cassandraPid));

        ProcessResult again = pipeline.run(COMMAND_TIMEOUT, "up");
        assertEquals(0, again.exitCode(), again.stdout() + again.stderr());
        assertEquals(2, again.stdout().lines().filter(l -> l.matches("(kafka|cassandra) +already running .*")).count(), again.stdout());
        assertTrue(again.stdout().contains("stack was already running"), again.stdout());
        assertEquals(kafkaPid, pid(KafkaService.NAME));
        assertEquals(cassandraPid, pid(CassandraService.NAME));

        ProcessResult elsewhere = runner(HOME, Ports.free(1).get(0)).run(COMMAND_TIMEOUT, "up");
        assertEquals(1, elsewhere.exitCode(), elsewhere.stdout() + elsewhere.stderr());
        assertTrue(elsewhere.stderr().startsWith("error: kafka already runs (pid " + kafkaPid + ") with other ports"), elsewhere.stderr());
        assertEquals(1, elsewhere.stderr().lines().count(), elsewhere.stderr());

        String value = "kept across down and up";
        produce(value);
        try (CqlSession session = session()) {
            session.execute("INSERT INTO " + DEAD_LETTERS + " (" + String.join(", ", HistoryColumn.DEAD_LETTER_TOPIC,
                    HistoryColumn.DEAD_LETTER_PARTITION, HistoryColumn.DEAD_LETTER_OFFSET, HistoryColumn.DEAD_LETTER_ERROR)
                    + ") VALUES (?, 0, 0, ?)", Names.TOPIC, value);
        }

        ProcessResult down = pipeline.run(COMMAND_TIMEOUT, "down");
        assertEquals(0, down.exitCode(), down.stdout() + down.stderr());
        assertTrue(down.stdout().contains("kafka          stopped (pid " + kafkaPid), down.stdout());
        assertTrue(down.stdout().contains("cassandra      stopped (pid " + cassandraPid), down.stdout());
        assertFalse(alive(kafkaPid), "kafka pid " + kafkaPid + " still runs");
        assertFalse(alive(cassandraPid), "cassandra pid " + cassandraPid + " still runs");
        assertFalse(Files.exists(HOME.resolve(KafkaService.NAME).resolve(KafkaService.NAME + ".pid")));
        assertFalse(Files.exists(HOME.resolve(CassandraService.NAME).resolve(CassandraService.NAME + ".pid")));
        ports.forEach(port -> assertFalse(Ports.inUse(new HostPort(Env.DEFAULT_HOST, port)), "port " + port + " still bound"));
        ProcessResult stopped = pipeline.run(COMMAND_TIMEOUT, "status");
        assertEquals(1, stopped.exitCode(), stopped.stdout() + stopped.stderr());
        assertEquals(2, stopped.stdout().lines().filter(l -> l.contains("not running")).count(), stopped.stdout());

        ProcessResult restart = pipeline.run(COMMAND_TIMEOUT, "up");
        assertEquals(0, restart.exitCode(), restart.stdout() + restart.stderr());
        assertTrue(restart.stdout().contains("topic " + Names.TOPIC + " exists"), restart.stdout());
        assertNotEquals(kafkaPid, pid(KafkaService.NAME));
        assertEquals(List.of(value), consumeAll());
        try (CqlSession session = session()) {
            assertEquals(value, session.execute("SELECT " + HistoryColumn.DEAD_LETTER_ERROR + " FROM " + DEAD_LETTERS + " WHERE "
                    + HistoryColumn.DEAD_LETTER_TOPIC + " = ? AND " + HistoryColumn.DEAD_LETTER_PARTITION + " = 0", Names.TOPIC)
                    .one().getString(0));
        }

        long restartedKafka = pid(KafkaService.NAME);
        long restartedCassandra = pid(CassandraService.NAME);
        ProcessResult purge = pipeline.run(COMMAND_TIMEOUT, "down", "--purge");
        assertEquals(0, purge.exitCode(), purge.stdout() + purge.stderr());
        assertFalse(alive(restartedKafka) || alive(restartedCassandra));
        assertFalse(Files.exists(HOME), HOME + " still exists");
    }

    @Test
    void aPortInUseFailsWithOneLineThatNamesItAndStartsNothing() throws IOException {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName(Env.DEFAULT_HOST))) {
            Path home = RUN_DIR.resolve("squatted-home");
            ProcessResult up = runner(home, squatter.getLocalPort()).run(COMMAND_TIMEOUT, "up");
            assertEquals(1, up.exitCode(), up.stdout() + up.stderr());
            List<String> lines = up.stderr().lines().toList();
            assertEquals(1, lines.size(), up.stderr());
            assertTrue(lines.get(0).startsWith("error: port " + squatter.getLocalPort() + " (kafka) is already in use"), lines.get(0));
            assertTrue(lines.get(0).contains("--kafka or " + Env.KAFKA), lines.get(0));
            assertEquals("", up.stdout());
            assertFalse(Files.exists(home.resolve(CassandraService.NAME).resolve(CassandraService.NAME + ".pid")));
        }
    }

    private static long pid(String service) throws IOException {
        return Long.parseLong(Files.readString(HOME.resolve(service).resolve(service + ".pid")).strip());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static CqlSession session() {
        return CassandraSessions.open(cassandra.toString(), Env.DEFAULT_DATACENTER, Duration.ofSeconds(30));
    }

    private static void produce(String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.toString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Names.TOPIC, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll() {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.toString()), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(Names.TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return consumer.position(partition) >= end;
            });
        }
        return values;
    }
}

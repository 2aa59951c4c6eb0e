package dev.listening.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.listening.contract.EventField;
import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.producer.run.Report;
import dev.listening.stack.process.JvmCommand;
import dev.listening.stack.process.RuntimeClasspath;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer against the real local broker, run the way users run it: ./pipeline produce and the standalone jar. */
class ProducerIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern BATCH = Pattern.compile("^baseOffset: \\d+ lastOffset: \\d+ count: (\\d+) .*compresscodec: (\\w+)");

    @Test
    void producesExactlyTheRequestedNumberOfDistinctEventsStoredGzipped() throws Exception {
        String topic = STACK.newTopic("producer", 1);
        ProcessResult result = STACK.runPipeline("produce", "--topic", topic, "--rate", "max", "--limit", "3000");
        assertEquals(0, result.exitCode(), result.stderr());
        assertEquals(new Counts(3000, 3000, 0), Counts.of(report(result.stdout())));

        List<ConsumerRecord<String, byte[]>> records = consumeAll(topic);
        assertEquals(3000, records.size());
        HashSet<String> eventIds = new HashSet<>();
        long jsonBytes = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            ListeningEvent event = EventJson.fromBytes(record.value());
            eventIds.add(event.eventId());
            assertEquals(event.userId(), record.key(), "records are keyed by user_id");
            jsonBytes += record.value().length + record.key().length();
        }
        assertEquals(3000, eventIds.size(), "event_ids repeat");

        List<Batch> batches = dumpLogSegments(topic);
        assertEquals(3000, batches.stream().mapToLong(Batch::count).sum());
        assertTrue(batches.stream().allMatch(b -> b.codec().equals("gzip")), "not all batches are gzip: " + batches);
        assertTrue(batches.size() < 3000 / 10, "records were not batched: " + batches.size() + " batches");
        long onDisk = sizeOnDisk(topic);
        assertTrue(onDisk < jsonBytes / 2, onDisk + " bytes on disk for " + jsonBytes + " bytes of JSON");
    }

    @Test
    void theSameSeedAndStartGiveTheSameStreamInAnotherRun() throws Exception {
        List<ListeningEvent> first = produceSeeded(STACK.newTopic("producer-seed", 1));
        List<ListeningEvent> second = produceSeeded(STACK.newTopic("producer-seed", 1));
        assertEquals(200, first.size());
        assertEquals(first, second);
        assertEquals(1_714_593_600_000L, first.get(0).ts());
        assertEquals(1_714_593_600_000L + 199, first.get(199).ts(), "1 ms apart at --rate max");
        assertTrue(first.stream().anyMatch(e -> e.name().equals("Ada Lovelace")), "the --user listener never played");
    }

    @Test
    void aSessionsBackfillIsTheSameInAFileAndOnTheTopicAndItsFileReplaysByteForByte() throws Exception {
        List<String> generate = List.of("--scenario", "sessions", "--listeners", "30", "--user", "Ada Lovelace",
                "--seed", "9", "--start", "2024-03-03T00:00:00Z", "--backfill", "1d");
        Path file = STACK.workDir().resolve("sessions-" + System.nanoTime() + ".jsonl.gz");
        List<String> toFile = new ArrayList<>(List.of("produce", "--out", file.toString()));
        toFile.addAll(generate);
        ProcessResult written = STACK.runPipeline(toFile.toArray(String[]::new));
        assertEquals(0, written.exitCode(), written.stderr());
        List<byte[]> lines = gzipLines(file);
        assertTrue(lines.size() > 300, "events in a day of 31 listeners: " + lines.size());
        assertEquals(new Counts(lines.size(), lines.size(), 0), Counts.of(report(written.stdout())));

        String direct = STACK.newTopic("producer-sessions", 1);
        List<String> toKafka = new ArrayList<>(List.of("produce", "--topic", direct));
        toKafka.addAll(generate);
        ProcessResult produced = STACK.runPipeline(toKafka.toArray(String[]::new));
        assertEquals(0, produced.exitCode(), produced.stderr());
        assertRecordsAre(lines, consumeAll(direct));

        String replayed = STACK.newTopic("producer-replay", 1);
        ProcessResult replay = STACK.runPipeline("produce", "--topic", replayed, "--from", file.toString(), "--speed", "max");
        assertEquals(0, replay.exitCode(), replay.stderr());
        assertEquals(new Counts(lines.size(), lines.size(), 0), Counts.of(report(replay.stdout())));
        assertRecordsAre(lines, consumeAll(replayed));
    }

    @Test
    void aReplayKeepsTheRecordedPace() throws Exception {
        Path file = STACK.workDir().resolve("paced-" + System.nanoTime() + ".jsonl.gz");
        // 100 events 40 ms apart: 3.96 s between the first and the last
        ProcessResult written = STACK.runPipeline("produce", "--out", file.toString(), "--rate", "25", "--seed", "4",
                "--start", "2024-03-03T10:00:00Z", "--backfill", "4s");
        assertEquals(0, written.exitCode(), written.stderr());
        assertEquals(100, gzipLines(file).size());

        ProcessResult recorded = STACK.runPipeline("produce", "--topic", STACK.newTopic("producer-paced", 1),
                "--from", file.toString());
        assertEquals(0, recorded.exitCode(), recorded.stderr());
        Report paced = report(recorded.stdout());
        assertEquals(100, paced.acknowledged());
        assertTrue(paced.elapsed().toMillis() >= 3_960, "recorded pace: " + paced.line());
    }

    @Test
    void aMissingTopicIsCreatedWithTheRequestedPartitions() throws Exception {
        String topic = "producer-created-" + System.nanoTime();
        ProcessResult result = STACK.runPipeline("produce", "--topic", topic, "--partitions", "3", "--rate", "max",
                "--limit", "30");
        assertEquals(0, result.exitCode(), result.stderr());
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            assertEquals(3, partitions);
        }
        assertEquals(30, consumeAll(topic).size());
    }

    @Test
    void sigtermFlushesAndReportsEveryEventItSent() throws Exception {
        String topic = STACK.newTopic("producer-sigterm", 1);
        Path out = STACK.workDir().resolve(topic + ".out");
        Path err = STACK.workDir().resolve(topic + ".err");
        Process producer = new ProcessBuilder(JvmCommand.currentJava().toString(), "-jar", standaloneJar().toString(),
                "--bootstrap", STACK.kafkaBootstrap(), "--topic", topic, "--rate", "200",
                "--songs", STACK.root().resolve("data/spotify-songs.csv").toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            await("first events on " + topic).atMost(DEADLINE).until(() -> endOffset(topic) >= 100);
        } finally {
            producer.destroy();
            assertTrue(producer.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS), "the producer ignored SIGTERM");
        }
        Counts counts = Counts.of(report(Files.readString(out)));
        assertTrue(counts.sent() >= 100, Files.readString(err));
        assertEquals(new Counts(counts.sent(), counts.sent(), 0), counts, "flushed before exit");
        assertEquals(counts.sent(), consumeAll(topic).size(), "the report counts exactly what reached the topic");
    }

    @Test
    void aRecordOverTheMaximumSizeIsReportedFailedAndTheOthersStillGo() throws Exception {
        Path file = STACK.workDir().resolve("huge-" + System.nanoTime() + ".jsonl.gz");
        ProcessResult written = STACK.runPipeline("produce", "--out", file.toString(), "--seed", "5",
                "--start", "2024-03-03T10:00:00Z", "--backfill", "3s");
        assertEquals(0, written.exitCode(), written.stderr());
        List<byte[]> lines = new ArrayList<>(gzipLines(file));
        assertEquals(3, lines.size());
        // 2 MB of JSON in the middle: over the producer's max.request.size (1 MB), whatever gzip makes of it
        ObjectNode huge = (ObjectNode) new ObjectMapper().readTree(lines.get(1));
        huge.put(EventField.CITY.jsonName(), "x".repeat(2 * 1024 * 1024));
        lines.set(1, new ObjectMapper().writeValueAsBytes(huge));
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            for (byte[] line : lines) {
                out.write(new String(line, StandardCharsets.UTF_8) + "\n");
            }
        }

        String topic = STACK.newTopic("producer-huge", 1);
        ProcessResult replay = STACK.runPipeline("produce", "--topic", topic, "--from", file.toString(), "--speed", "max");

        assertEquals(1, replay.exitCode(), replay.stderr());
        assertEquals(new Counts(3, 2, 1), Counts.of(report(replay.stdout())));
        // one line for the record as it fails, the others go on, one error line at the end
        List<String> problems = replay.stderr().lines().filter(line -> !line.contains(" INFO ")).toList();
        assertEquals(2, problems.size(), replay.stderr());
        assertTrue(problems.get(0).contains(" WARN ") && problems.get(0).contains("RecordTooLargeException"), problems.get(0));
        assertTrue(problems.get(1).startsWith("error: 1 of 3 events were not acknowledged by Kafka; first cause: ")
                && problems.get(1).contains("RecordTooLargeException"), problems.get(1));
        assertRecordsAre(List.of(lines.get(0), lines.get(2)), consumeAll(topic));
    }

    @Test
    void anUnreachableBrokerIsOneErrorLineWithinTheDeadline() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        ProcessResult result = STACK.runPipeline(DEADLINE, "produce", "--bootstrap", "127.0.0.1:" + closedPort,
                "--connect-timeout", "3s");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(1, result.exitCode(), result.stderr());
        List<String> problems = result.stderr().lines().filter(line -> !line.contains(" INFO ")).toList();
        assertEquals(List.of("error: no Kafka broker answered at 127.0.0.1:" + closedPort + " within 3 s"), problems);
        assertTrue(took.compareTo(Duration.ofSeconds(45)) < 0, "took " + took);
    }

    private static List<ListeningEvent> produceSeeded(String topic) throws IOException {
        ProcessResult result = STACK.runPipeline("produce", "--topic", topic, "--rate", "max", "--limit", "200",
                "--seed", "2024", "--start", "2024-05-01T20:00:00Z", "--listeners", "5", "--user", "Ada Lovelace");
        assertEquals(0, result.exitCode(), result.stderr());
        List<ListeningEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : consumeAll(topic)) {
            events.add(EventJson.fromBytes(record.value()));
        }
        return events;
    }

    private static void assertRecordsAre(List<byte[]> lines, List<ConsumerRecord<String, byte[]>> records) throws IOException {
        assertEquals(lines.size(), records.size());
        for (int i = 0; i < lines.size(); i++) {
            assertArrayEquals(lines.get(i), records.get(i).value(), "record " + i);
            assertEquals(new ObjectMapper().readTree(lines.get(i)).get("user_id").asText(), records.get(i).key());
        }
    }

    /** The lines of a gzip file, read without the producer's code. */
    private static List<byte[]> gzipLines(Path file) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return reader.lines().map(line -> line.getBytes(StandardCharsets.UTF_8)).toList();
        }
    }

    /** Every record of the topic, by partition and offset. */
    private static List<ConsumerRecord<String, byte[]>> consumeAll(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long end = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await("all " + end + " records of " + topic).atMost(DEADLINE).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= end;
            });
            records.sort(Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition())
                    .thenComparingLong(ConsumerRecord::offset));
            return records;
        }
    }

    private static long endOffset(String topic) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(List.of(new TopicPartition(topic, 0))).values().iterator().next();
        }
    }

    /** The batches of the partition's log segments, as Kafka's own DumpLogSegments reads them from disk. */
    private static List<Batch> dumpLogSegments(String topic) throws Exception {
        List<String> segments;
        try (Stream<Path> files = Files.list(partitionDir(topic))) {
            segments = files.filter(f -> f.toString().endsWith(".log")).map(Path::toString).sorted().toList();
        }
        List<String> argv = new ArrayList<>(List.of(JvmCommand.currentJava().toString(), "-cp",
                RuntimeClasspath.read(STACK.root(), "kafka"), "org.apache.kafka.tools.DumpLogSegments", "--files",
                String.join(",", segments)));
        Path dump = STACK.workDir().resolve(topic + ".dump");
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dump.toFile()).start();
        assertTrue(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS), "DumpLogSegments hung");
        assertEquals(0, process.exitValue(), Files.readString(dump));
        List<Batch> batches = new ArrayList<>();
        for (String line : Files.readAllLines(dump)) {
            Matcher m = BATCH.matcher(line);
            if (m.find()) {
                batches.add(new Batch(Long.parseLong(m.group(1)), m.group(2)));
            }
        }
        return batches;
    }

    private static long sizeOnDisk(String topic) throws Exception {
        try (Stream<Path> files = Files.list(partitionDir(topic))) {
            return files.filter(f -> f.toString().endsWith(".log")).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** Where the broker keeps partition 0 of the topic, as the broker itself reports it. */
    private static Path partitionDir(String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (Admin admin = admin()) {
            int broker = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).iterator().next().id();
            Map<String, LogDirDescription> dirs = admin.describeLogDirs(List.of(broker)).allDescriptions()
                    .get(30, TimeUnit.SECONDS).get(broker);
            return dirs.entrySet().stream()
                    .filter(dir -> dir.getValue().replicaInfos().containsKey(partition))
                    .map(dir -> Path.of(dir.getKey(), partition.toString()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no log dir holds " + partition));
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.kafkaBootstrap()));
    }

    private static Path standaloneJar() throws IOException {
        Path target = STACK.root().resolve("producer").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("producer-.*-all\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no producer-*-all.jar in " + target + ": mvn package first"));
        }
    }

    private static Report report(String stdout) {
        return stdout.lines().map(Report::parse).flatMap(Optional::stream).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no report line in: " + stdout));
    }

    private record Batch(long count, String codec) {
    }

    /** The report's counts without the elapsed time, which no test can know. */
    private record Counts(long sent, long acknowledged, long failed) {
        static Counts of(Report report) {
            return new Counts(report.sent(), report.acknowledged(), report.failed());
        }
    }
}

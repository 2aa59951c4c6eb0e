package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.KafkaClient;
import dev.listening.contract.kafka.Topics;
import dev.listening.cql.CassandraSessions;
import dev.listening.producer.ProduceSettings;
import dev.listening.producer.Producer;
import dev.listening.producer.rate.Rate;
import dev.listening.stack.LocalStack;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.StreamerSubmission;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.Scope;
import dev.listening.verify.SongFeatures;
import dev.listening.verify.TopicReader;
import dev.listening.verify.Verifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One soak on a running stack: the streamer job in the background (trigger 1 s, a fresh checkpoint
 * that starts at the topic's current end, so it reads exactly the soak's records), a warm-up, the
 * producer at a steady rate for the duration, a sample every ~10 s, then the wait for the stream to
 * catch up and verify's verdict on every record the soak produced.
 */
public final class Soak implements Benchmark<SoakReport> {
    /** The streamer's log, next to the report. */
    public static final String STREAMER_LOG = "soak-streamer.log";
    static final int WARM_UP_EVENTS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Soak.class);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param home PIPELINE_HOME: the soak's checkpoint and Spark's scratch space go under it */
    public record Settings(SoakReport.Load load, String datacenter, Duration catchUpTimeout, Path root, Path home, Path songs,
                           Path streamerLog) {
        public Settings {
            if (load.rate() < 1 || load.listeners() < 1) {
                throw new UserError("--rate and --listeners must be at least 1");
            }
        }
    }

    private final Settings settings;
    private final SoakReport.Load load;

    public Soak(Settings settings) {
        this.settings = settings;
        this.load = settings.load();
    }

    @Override
    public SoakReport measure() throws InterruptedException {
        Topics.ensure(load.bootstrap(), load.topic(), 1, REQUEST_TIMEOUT);
        TopicReader reader = new TopicReader(load.bootstrap(), REQUEST_TIMEOUT);
        try (CqlSession session = CassandraSessions.open(load.cassandra(), settings.datacenter(), REQUEST_TIMEOUT)) {
            Map<Integer, Long> before = reader.endOffsets(load.topic());
            Instant started = Instant.now();
            List<SoakReport.Sample> samples = new ArrayList<>();
            Map<Integer, Long> after;
            Duration warmUp;
            Duration catchUp;
            String problem = null;
            try (StreamerRun streamer = StreamerRun.start(new SparkRuntime(settings.root(), settings.home()),
                    submission(before), load.master(), freshLog())) {
                streamer.awaitStarted(STARTUP_TIMEOUT);
                warmUp = warmUp(streamer);
                Map<Integer, Long> from = reader.endOffsets(load.topic());
                long warm = streamer.batches().rows();
                LOG.info("producing {} events/s for {} s; a sample every {} s", load.rate(), load.duration().toSeconds(),
                        SAMPLE_EVERY.toSeconds());
                Instant producing = Instant.now();
                produce(reader, from, warm, producing, streamer, samples);
                after = reader.endOffsets(load.topic());
                long produced = produced(from, after);
                Instant stopped = Instant.now();
                try {
                    streamer.awaitRows(warm + produced, settings.catchUpTimeout());
                } catch (UserError e) {
                    problem = e.getMessage();
                }
                catchUp = Duration.between(stopped, Instant.now());
                samples.add(new SoakReport.Sample(Duration.between(producing, Instant.now()), produced,
                        streamer.batches().rows() - warm));
            }
            // full: rows of the soak's listeners outside the records' hours, a stray included, are judged too
            Reconciliation.Report verdict = new Verifier(reader, session, load.keyspace(), SongFeatures.load(settings.songs()))
                    .verify(load.topic(), before, after, Scope.FULL);
            return new SoakReport(load, started, warmUp, samples, catchUp, verdict, problem);
        }
    }

    /**
     * A few events through the whole pipeline before the clock starts: the streamer's first batch
     * also connects to Cassandra and compiles the plan, which on a busy machine takes a minute.
     */
    private Duration warmUp(StreamerRun streamer) throws InterruptedException {
        Instant start = Instant.now();
        producer(Rate.MAX, (long) WARM_UP_EVENTS, null).join();
        streamer.awaitRows(WARM_UP_EVENTS, STARTUP_TIMEOUT);
        Duration took = Duration.between(start, Instant.now());
        LOG.info("warm: {} events through the pipeline in {} s", WARM_UP_EVENTS, took.toSeconds());
        return took;
    }

    /** Runs the producer in-process until its duration is over, taking a sample every {@link #SAMPLE_EVERY}. */
    private void produce(TopicReader reader, Map<Integer, Long> from, long warm, Instant start, StreamerRun streamer,
                         List<SoakReport.Sample> samples) throws InterruptedException {
        CompletableFuture<Void> producing = producer(new Rate(load.rate()), null, load.duration());
        for (int tick = 1; !endedWithin(producing, Duration.between(Instant.now(), start.plus(SAMPLE_EVERY.multipliedBy(tick)))); tick++) {
            SoakReport.Sample sample = new SoakReport.Sample(Duration.between(start, Instant.now()),
                    produced(from, reader.endOffsets(load.topic())), streamer.batches().rows() - warm);
            samples.add(sample);
            LOG.info(sample.line());
        }
    }

    /** The producer in this JVM, in the background, to the soak's topic; a failed run completes it exceptionally. */
    private CompletableFuture<Void> producer(Rate rate, Long limit, Duration duration) {
        ProduceSettings run = ProduceSettings.uniform(KafkaClient.of(load.bootstrap()), load.topic(), settings.songs(), rate, limit, duration,
                load.listeners(), List.of());
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        return CompletableFuture.runAsync(() -> new Producer(run, Clock.systemUTC()).run(out));
    }

    /** Whether the producer has ended within {@code wait}; its failure is rethrown. */
    private static boolean endedWithin(CompletableFuture<Void> producing, Duration wait) throws InterruptedException {
        try {
            producing.get(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("the producer failed", e.getCause());
        }
    }

    private StreamerSubmission submission(Map<Integer, Long> before) {
        Path checkpoint = settings.home().resolve("bench").resolve("soak-checkpoint");
        LocalStack.purge(settings.root(), checkpoint);
        return StreamerSubmission.defaults(settings.root(), settings.home(), load.bootstrap(), load.cassandra(),
                        load.topic(), load.keyspace())
                .withDatacenter(settings.datacenter())
                .withSongs(settings.songs())
                .withTrigger("1s")
                .withCheckpoint(checkpoint)
                .withStartingOffsets(startingOffsets(load.topic(), before));
    }

    /** The streamer counts its batches from its log, so each soak starts one afresh. */
    private Path freshLog() {
        try {
            Files.deleteIfExists(settings.streamerLog());
            return settings.streamerLog();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long produced(Map<Integer, Long> before, Map<Integer, Long> now) {
        return now.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** Spark's Kafka source offsets, {"topic":{"0":42}}: where a new checkpoint starts reading. */
    static String startingOffsets(String topic, Map<Integer, Long> offsets) {
        try {
            return JSON.writeValueAsString(Map.of(topic, new TreeMap<>(offsets)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> report(SoakReport soak) {
        return soak.lines();
    }
}

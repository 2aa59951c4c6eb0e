package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.UserError;
import dev.listening.cql.CassandraSessions;
import dev.listening.producer.events.EventGenerator;
import dev.listening.producer.kafka.ProducerSettings;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.songs.Song;
import dev.listening.producer.songs.SongCatalog;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.StreamerSubmission;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end latency: from an event's {@code ts} (taken when it is handed to the Kafka producer)
 * until its row can be read from Cassandra, with the streamer running as users run it. Events go
 * out at a steady rate; one in {@link #PROBE_EVERY} belongs to a probe listener whose partition is
 * polled. Probes sent during the warm-up are not counted.
 */
public record EndToEndLatency(Settings settings) implements Benchmark<EndToEndLatency.Result> {
    public static final double TARGET_P50_MS = 1_000;
    public static final double TARGET_P99_MS = 1_500;
    public static final String DEFAULT_LISTENERS = "50";
    public static final String DEFAULT_PARTITIONS = "2";
    /** The streamer's log, next to the report. */
    public static final String STREAMER_LOG = "e2e-streamer-job.log";
    private static final Logger LOG = LoggerFactory.getLogger(EndToEndLatency.class);
    public static final int PROBE_EVERY = 10;
    static final String PROBE = "Latency Probe";
    static final Duration POLL = Duration.ofMillis(100);
    private static final long SEED = 20_240_502L;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);


    public record Settings(String bootstrap, String cassandra, String datacenter, Path root, Path home, Path songs,
                           String trigger, int rate, int listeners, Duration warmup, Duration duration, int partitions,
                           String master, Path streamerLog) {
        public Settings {
            if (rate < 1 || listeners < 1 || partitions < 1 || duration.isZero() || duration.isNegative() || warmup.isNegative()) {
                throw new UserError("--rate, --listeners and --partitions must be at least 1, --duration positive, --warmup not negative");
            }
        }
    }

    public record Result(long sent, double sendRate, Percentiles latencies, int unread) {
    }

    @Override
    public Result measure() throws InterruptedException {
        return requireEveryProbeRead(measureProbes(), settings.streamerLog());
    }

    /** A lost probe left out of the percentiles would flatter them: any probe never readable fails the run. */
    static Result requireEveryProbeRead(Result result, Path streamerLog) {
        if (result.unread() > 0 || result.latencies().count() == 0) {
            throw new UserError(String.format(Locale.ROOT, "%,d of %,d probe rows never became readable (waited %d s after "
                    + "the run); see %s", result.unread(), result.unread() + result.latencies().count(),
                    DRAIN_TIMEOUT.toSeconds(), streamerLog));
        }
        return result;
    }

    private Result measureProbes() throws InterruptedException {
        List<Song> songs = SongCatalog.load(settings.songs()).songs();
        EventGenerator background = new EventGenerator(Listeners.generate(settings.listeners(), List.of(), SEED), songs, SEED);
        EventGenerator probes = new EventGenerator(List.of(Listeners.fixed(PROBE)), songs, SEED + 1);
        try (CqlSession session = CassandraSessions.open(settings.cassandra(), settings.datacenter(), REQUEST_TIMEOUT);
             Scratch scratch = new Scratch(settings.bootstrap(), session)) {
            String topic = scratch.topic("e2e", settings.partitions());
            String keyspace = scratch.keyspace("e2e");
            StreamerSubmission submission = StreamerSubmission.defaults(settings.root(), settings.home(), settings.bootstrap(),
                            settings.cassandra(), topic, keyspace)
                    .withDatacenter(settings.datacenter())
                    .withSongs(settings.songs())
                    .withTrigger(settings.trigger());
            try (StreamerRun run = StreamerRun.start(new SparkRuntime(settings.root(), settings.home()), submission,
                    settings.master(), settings.streamerLog())) {
                run.awaitStarted(START_TIMEOUT);
                try (ProbeReader reader = new ProbeReader(session, keyspace, PROBE, POLL);
                     KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ProducerSettings.producer(settings.bootstrap(), REQUEST_TIMEOUT))) {
                    long started = System.nanoTime();
                    long sent = send(producer, topic, background, probes, reader);
                    double sendRate = sent / ((System.nanoTime() - started) / 1e9);
                    drain(reader);
                    return new Result(sent, sendRate, Percentiles.of(reader.latencies()), reader.awaiting());
                }
            }
        }
    }

    /** Sends at the rate for warm-up plus duration; returns how many events were sent. */
    private long send(KafkaProducer<String, byte[]> producer, String topic, EventGenerator background,
                        EventGenerator probes, ProbeReader reader) {
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / settings.rate();
        long start = System.nanoTime();
        long measureFrom = start + settings.warmup().toNanos();
        long end = measureFrom + settings.duration().toNanos();
        AtomicReference<Exception> failure = new AtomicReference<>();
        LOG.info("sending {} events/s: {} s of warm-up, then {} s measured", settings.rate(),
                settings.warmup().toSeconds(), settings.duration().toSeconds());
        long i = 0;
        for (long due = start; due < end; due = start + ++i * periodNanos) {
            LockSupport.parkNanos(due - System.nanoTime());
            boolean probe = i % PROBE_EVERY == 0;
            ListeningEvent event = (probe ? probes : background).next(System.currentTimeMillis());
            producer.send(new ProducerRecord<>(topic, event.userId(), EventJson.toBytes(event)), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
            });
            if (probe && due >= measureFrom) {
                reader.await(UUID.fromString(event.eventId()), event.ts());
            }
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("sending failed: " + failure.get().getMessage(), failure.get());
        }
        return i;
    }

    private static void drain(ProbeReader reader) throws InterruptedException {
        Instant giveUp = Instant.now().plus(DRAIN_TIMEOUT);
        while (reader.awaiting() > 0 && Instant.now().isBefore(giveUp)) {
            Thread.sleep(POLL.toMillis());
        }
    }

    @Override
    public List<String> report(Result result) {
        Percentiles latencies = result.latencies();
        List<String> lines = new ArrayList<>();
        lines.add("# End-to-end latency: event ts -> row readable in Cassandra");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", Kafka " + settings.bootstrap() + ", Cassandra "
                + settings.cassandra() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Spark master " + settings.master());
        lines.add(String.format(Locale.ROOT, "- streamer trigger %s; %,d events of %,d listeners sent at %,.0f events/s achieved "
                        + "(%,d asked, acknowledgements included) into a %d-partition topic (%d s warm-up, %d s measured); "
                        + "the producer's settings (gzip, linger %d ms, acks=all)",
                settings.trigger(), result.sent(), settings.listeners(), result.sendRate(), settings.rate(), settings.partitions(),
                settings.warmup().toSeconds(), settings.duration().toSeconds(), ProducerSettings.LINGER_MS));
        lines.add(String.format(Locale.ROOT, "- measured: %,d probe events (1 in %d, one listener's partition polled every %d ms, "
                + "so each figure is late by up to that much); not readable after the run: %,d",
                latencies.count(), PROBE_EVERY, POLL.toMillis(), result.unread()));
        lines.add("");
        lines.add("| p50 | p90 | p99 | max |");
        lines.add("|---:|---:|---:|---:|");
        lines.add(String.format(Locale.ROOT, "| %,d ms | %,d ms | %,d ms | %,d ms |",
                latencies.at(50), latencies.at(90), latencies.at(99), latencies.at(100)));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "target: p50 <= %,.0f ms, p99 <= %,.0f ms", TARGET_P50_MS, TARGET_P99_MS));
        return lines;
    }
}

package dev.listening.cli.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
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
import java.util.List;
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
public final class EndToEndLatency {
    private static final Logger LOG = LoggerFactory.getLogger(EndToEndLatency.class);
    static final int PROBE_EVERY = 10;
    static final String PROBE = "Latency Probe";
    static final Duration POLL = Duration.ofMillis(100);
    private static final long SEED = 20_240_502L;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;

    public record Settings(String bootstrap, String cassandra, String datacenter, Path root, Path home, Path songs,
                           String trigger, int rate, int listeners, Duration warmup, Duration duration, int partitions,
                           String master, Path streamerLog) {
    }

    public record Result(long sent, double sendRate, Percentiles latencies, int unread) {
    }

    public EndToEndLatency(Settings settings) {
        this.settings = settings;
    }

    public Result measure() throws InterruptedException {
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
                    long sent = send(producer, topic, background, probes, reader);
                    drain(reader);
                    return new Result(sent, sent / (settings.warmup().plus(settings.duration()).toNanos() / 1e9),
                            Percentiles.of(reader.latencies()), reader.awaiting());
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
}

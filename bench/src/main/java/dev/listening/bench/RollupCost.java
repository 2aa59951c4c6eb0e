package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.KafkaClient;
import dev.listening.contract.metrics.BatchMetrics;
import dev.listening.cql.CassandraSessions;
import dev.listening.producer.events.EventGenerator;
import dev.listening.producer.kafka.EventSender;
import dev.listening.producer.kafka.ProducerSettings;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.songs.SongCatalog;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.StreamerSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * What a rollup batch costs against what its hour already holds: rounds of --events events into an
 * hour pre-filled with --prefill plays, then the same rounds into empty hours, all through one
 * streamer job (so the JIT and the state stores are as warm for both). A round's cost is the time
 * the rollup query's batches took (its metrics' {@code rollup_ms}) and the job's CPU over the round,
 * both per --events events.
 */
public final class RollupCost implements Benchmark<RollupCost.Result> {
    public static final String STREAMER_LOG = "rollups-streamer.log";
    private static final Logger LOG = LoggerFactory.getLogger(RollupCost.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    /** A round's rollups may take this long, or far longer on a loaded machine; the pre-fill gets more per event. */
    private static final Duration ROUND_TIMEOUT = Duration.ofMinutes(5);
    /** A round's rollup batches land within a few rollup intervals of each other. */
    private static final String ROLLUP_INTERVAL = "2s";
    private static final Duration SETTLE = Duration.ofSeconds(6);
    private static final long SEED = 17;
    /** The warm-up's hour, then the pre-filled hour, then one empty hour per round. */
    private static final int WARM_UP_HOUR = 0;
    /** Events of a round span a few minutes after the pre-fill's 50, within the rollups' default 10-minute lateness. */
    private static final Duration PREFILL_SPAN = Duration.ofMinutes(50);
    private static final Duration ROUND_SPAN = Duration.ofMinutes(3);

    public record Settings(String bootstrap, String cassandra, String datacenter, Path root, Path home, Path songs,
                           long prefill, int events, int rounds, int warmUp, int listeners, LocalDate day, String master,
                           Path streamerLog) {
        public Settings {
            if (prefill < 1 || events < 1 || rounds < 1 || warmUp < 0 || listeners < 1) {
                throw new UserError("--prefill, --events, --rounds and --listeners must be at least 1, --warm-up at least 0");
            }
            if (rounds * ROUND_SPAN.toMinutes() > Duration.ofHours(1).minus(PREFILL_SPAN).toMinutes()) {
                throw new UserError("--rounds must be at most " + Duration.ofHours(1).minus(PREFILL_SPAN).dividedBy(ROUND_SPAN)
                        + ": the rounds share the pre-filled hour's last minutes");
            }
        }
    }

    /** One round of --events events: the plays its hour held before it, what the rollup batches read and took, the job's CPU. */
    public record Round(long hourHeld, long rollupRows, long rollupMs, double jobCpuSeconds) {
    }

    public record Result(List<Round> empty, List<Round> prefilled, Duration prefillTime) {
        public double rollupRatio() {
            return median(prefilled, Round::rollupMs) / median(empty, Round::rollupMs);
        }

        public double cpuRatio() {
            return median(prefilled, Round::jobCpuSeconds) / median(empty, Round::jobCpuSeconds);
        }
    }

    private final Settings settings;

    public RollupCost(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Result measure() throws InterruptedException {
        EventGenerator generator = new EventGenerator(Listeners.generate(settings.listeners(), List.of(), SEED),
                SongCatalog.load(settings.songs()).songs(), SEED);
        try (CqlSession session = CassandraSessions.open(settings.cassandra(), settings.datacenter(), REQUEST_TIMEOUT);
             Scratch scratch = new Scratch(settings.bootstrap(), session)) {
            String topic = scratch.topic("rollups", 1);
            StreamerSubmission submission = StreamerSubmission.defaults(settings.root(), settings.home(), settings.bootstrap(),
                            settings.cassandra(), topic, scratch.keyspace("rollups"))
                    .withDatacenter(settings.datacenter())
                    .withSongs(settings.songs())
                    .withTrigger("1s")
                    .withRollupInterval(ROLLUP_INTERVAL);
            try (EventSender sender = new EventSender(KafkaClient.of(settings.bootstrap()), topic, ProducerSettings.MAX_BLOCK);
                 StreamerRun run = StreamerRun.start(new SparkRuntime(settings.root(), settings.home()), submission,
                         settings.master(), settings.streamerLog())) {
                Rounds rounds = new Rounds(sender, topic, generator, run);
                run.awaitStarted(START_TIMEOUT);
                if (settings.warmUp() > 0) {
                    LOG.info("warming up with {} events", settings.warmUp());
                    rounds.send(hour(WARM_UP_HOUR), PREFILL_SPAN, settings.warmUp());
                    rounds.settle(ROUND_TIMEOUT);
                }
                Instant full = hour(WARM_UP_HOUR + 1);
                LOG.info("pre-filling the hour {} with {} plays", full, settings.prefill());
                long prefillStart = System.nanoTime();
                rounds.send(full, PREFILL_SPAN, settings.prefill());
                run.awaitRows(rounds.sent, ROUND_TIMEOUT.plusSeconds(settings.prefill() / 200));
                rounds.settle(ROUND_TIMEOUT.plusSeconds(settings.prefill() / 200));
                Duration prefillTime = Duration.ofNanos(System.nanoTime() - prefillStart);
                List<Round> prefilled = new ArrayList<>();
                for (int i = 0; i < settings.rounds(); i++) {
                    prefilled.add(rounds.round(settings.prefill() + (long) i * settings.events(),
                            full.plus(PREFILL_SPAN).plus(ROUND_SPAN.multipliedBy(i))));
                }
                // The empty hours come after the pre-filled one (the watermark allows no earlier hour then), so
                // the pre-fill has warmed the JIT for both.
                List<Round> empty = new ArrayList<>();
                for (int i = 0; i < settings.rounds(); i++) {
                    empty.add(rounds.round(0, hour(WARM_UP_HOUR + 2 + i).plus(PREFILL_SPAN)));
                }
                return new Result(empty, prefilled, prefillTime);
            }
        }
    }

    private Instant hour(int number) {
        return settings.day().atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(number));
    }

    /** The rounds' producer and the job they are measured on. */
    private final class Rounds {
        private final EventSender sender;
        private final String topic;
        private final EventGenerator generator;
        private final StreamerRun run;
        private long sent;

        Rounds(EventSender sender, String topic, EventGenerator generator, StreamerRun run) {
            this.sender = sender;
            this.topic = topic;
            this.generator = generator;
            this.run = run;
        }

        /** {@code events} events spread evenly over [start, start + span), in time order. */
        void send(Instant start, Duration span, long events) {
            TopicFill.sendSpaced(sender, topic, generator, start.toEpochMilli(), Math.max(1, span.toMillis() / events), events);
            sent += events;
        }

        Round round(long hourHeld, Instant start) throws InterruptedException {
            int before = run.batches().records().size();
            CpuTimes cpuBefore = CpuTimes.withDriver(settings.home(), run.pid());
            send(start, ROUND_SPAN, settings.events());
            List<BatchMetrics> all = settle(ROUND_TIMEOUT).records();
            List<BatchMetrics> records = all.subList(before, all.size());
            double cpu = CpuTimes.withDriver(settings.home(), run.pid()).since(cpuBefore).byRole()
                    .getOrDefault(CpuTimes.DRIVER, Duration.ZERO).toNanos() / 1e9;
            Round round = new Round(hourHeld, records.stream().mapToLong(BatchMetrics::rollupRows).sum(),
                    records.stream().mapToLong(BatchMetrics::rollupMs).sum(), cpu);
            LOG.info("hour holding {} plays: {} events, rollup batches read {} in {} ms, job CPU {} s", hourHeld, settings.events(),
                    round.rollupRows(), round.rollupMs(), String.format(Locale.ROOT, "%.2f", cpu));
            return round;
        }

        /**
         * Until every event sent is stored and rolled up, and the rollup query has then run no batch for a
         * few of its intervals: every rollup batch a round causes is counted with it.
         */
        StreamerMetrics settle(Duration timeout) throws InterruptedException {
            run.awaitRolledUp(sent, timeout);
            run.awaitRollupsIdle(SETTLE, timeout);
            return run.batches();
        }
    }

    @Override
    public List<String> report(Result result) {
        int per = settings.events();
        List<String> lines = new ArrayList<>();
        lines.add("# Rollup cost against what the hour already holds");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", Cassandra " + settings.cassandra() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, streamer on " + settings.master());
        lines.add(String.format(Locale.ROOT, "- one streamer job (trigger 1s, rollup interval %s), %d listeners; %,d warm-up "
                        + "events, then %d rounds of %,d events into an hour pre-filled with %,d plays (the pre-fill took %.0f s), "
                        + "then %d into empty hours", ROLLUP_INTERVAL, settings.listeners(), settings.warmUp(), settings.rounds(),
                per, settings.prefill(), result.prefillTime().toMillis() / 1000.0, settings.rounds()));
        lines.add("- rollup ms: the rollup query's batches over the round (`rollup_ms` of the metrics); job CPU: "
                + "the streamer JVM's user + system CPU over the round (the history query's work included)");
        lines.add("");
        lines.add(String.format(Locale.ROOT, "| the hour held | events | rollup rows | rollup ms per %,d | job CPU-s per %,d |", per, per));
        lines.add("|---:|---:|---:|---:|---:|");
        for (Round r : Stream.concat(result.prefilled().stream(), result.empty().stream()).toList()) {
            lines.add(String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %.2f |", r.hourHeld(), per, r.rollupRows(),
                    r.rollupMs(), r.jobCpuSeconds()));
        }
        lines.add("");
        double ratio = result.rollupRatio();
        lines.add(String.format(Locale.ROOT, "- median rollup ms per %,d events: empty hour %,.0f, pre-filled %,.0f: **ratio %.2f** "
                        + "(%s the target's 20 %%)", per, median(result.empty(), Round::rollupMs),
                median(result.prefilled(), Round::rollupMs), ratio, Math.abs(ratio - 1) <= 0.2 ? "within" : "outside"));
        lines.add(String.format(Locale.ROOT, "- median job CPU-s per %,d events: empty hour %.2f, pre-filled %.2f: ratio %.2f", per,
                median(result.empty(), Round::jobCpuSeconds), median(result.prefilled(), Round::jobCpuSeconds), result.cpuRatio()));
        return lines;
    }

    /** The nearest-rank median: the lower middle round for an even count. */
    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        double[] sorted = rounds.stream().mapToDouble(value).sorted().toArray();
        return sorted[(sorted.length - 1) / 2];
    }
}

package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.KafkaClient;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.report.DateHour;
import dev.listening.cql.report.Rankings;
import dev.listening.cql.report.RollupReader;
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
import java.util.function.Supplier;

/**
 * How the reports' time grows: each report timed on one day of history, then again once the
 * history holds --days days, and top-artists over all of them. Events are written straight into
 * the topic with timestamps spread over the days; the streamer builds the rollups as it always does.
 */
public final class ReportScaling implements Benchmark<List<ReportScaling.Timing>> {
    /** The streamer's log, next to the report. */
    public static final String STREAMER_LOG = "reports-streamer.log";
    private static final Logger LOG = LoggerFactory.getLogger(ReportScaling.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final long SEED = 10;
    private static final int TOP = 10;
    private static final int WARM_UP_RUNS = 3;

    public record Settings(String bootstrap, String cassandra, String datacenter, Path root, Path home, Path songs,
                           LocalDate firstDay, int days, int playsPerHour, int listeners, int repeat, String master,
                           Path streamerLog) {
        public Settings {
            if (days < 2 || playsPerHour < 1 || listeners < 1 || repeat < 1) {
                throw new UserError("--days must be at least 2; --plays-per-hour, --listeners and --repeat at least 1");
            }
        }
    }

    /** One report timed: its name, the dates it covers, the days the history holds, partitions read, median time. */
    public record Timing(String report, String range, int daysStored, int partitions, int rows, double medianMillis) {
    }

    private final Settings settings;

    public ReportScaling(Settings settings) {
        this.settings = settings;
    }

    @Override
    public List<Timing> measure() throws InterruptedException {
        EventGenerator generator = new EventGenerator(Listeners.generate(settings.listeners(), List.of(), SEED),
                SongCatalog.load(settings.songs()).songs(), SEED);
        List<Timing> timings = new ArrayList<>();
        try (CqlSession session = CassandraSessions.open(settings.cassandra(), settings.datacenter(), REQUEST_TIMEOUT);
             Scratch scratch = new Scratch(settings.bootstrap(), session)) {
            String topic = scratch.topic("reports", 1);
            String keyspace = scratch.keyspace("reports");
            StreamerSubmission submission = StreamerSubmission.defaults(settings.root(), settings.home(), settings.bootstrap(),
                            settings.cassandra(), topic, keyspace)
                    .withDatacenter(settings.datacenter())
                    .withSongs(settings.songs())
                    .withTrigger("1s");
            RollupReader reader = new RollupReader(session, keyspace);
            try (StreamerRun run = StreamerRun.start(new SparkRuntime(settings.root(), settings.home()), submission,
                    settings.master(), settings.streamerLog())) {
                run.awaitStarted(START_TIMEOUT);
                long sent = fill(topic, generator, 0, 1);
                run.awaitRolledUp(sent, START_TIMEOUT);
                timings.addAll(sameDayReports(reader, 1));
                sent += fill(topic, generator, 1, settings.days());
                run.awaitRolledUp(sent, START_TIMEOUT.plusSeconds(sent / 100));
                // Still with the (idle) streamer running, as for the first day's timings.
                timings.addAll(sameDayReports(reader, settings.days()));
                LocalDate last = settings.firstDay().plusDays(settings.days() - 1L);
                List<DateHour> all = DateHour.allOf(settings.firstDay(), last);
                timings.add(time("top-artists", settings.firstDay() + ".." + last, settings.days(), all.size(),
                        () -> Rankings.topArtists(reader.songPlays(all), TOP).rows().size()));
            }
        }
        return timings;
    }

    /** The four reports on the first day, while the history holds {@code daysStored} days. */
    private List<Timing> sameDayReports(RollupReader reader, int daysStored) {
        LocalDate day = settings.firstDay();
        List<DateHour> hours = DateHour.allOf(day);
        String range = day.toString();
        return List.of(
                time("top-songs", range, daysStored, hours.size(), () -> Rankings.topSongs(reader.songPlays(hours), TOP).rows().size()),
                time("top-listeners", range, daysStored, 1, () -> Rankings.topListeners(reader.listenerDays(day), TOP).rows().size()),
                time("busiest-hours", range, daysStored, hours.size(), () -> Rankings.busiestHours(reader.hourTotals(day), TOP).rows().size()),
                time("top-artists", range + ".." + range, daysStored, hours.size(),
                        () -> Rankings.topArtists(reader.songPlays(hours), TOP).rows().size()));
    }

    /** A few runs to warm up (the JIT, the driver's connections), then the median of --repeat runs. */
    private Timing time(String report, String range, int daysStored, int partitions, Supplier<Integer> run) {
        int rows = run.get();
        for (int i = 1; i < WARM_UP_RUNS; i++) {
            run.get();
        }
        long[] nanos = new long[settings.repeat()];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            run.get();
            nanos[i] = System.nanoTime() - start;
        }
        Timing timing = new Timing(report, range, daysStored, partitions, rows, Percentiles.of(nanos).at(50) / 1e6);
        LOG.info("{} {} with {} day(s) stored: {} partitions, {} ms", report, range, daysStored, partitions,
                Math.round(timing.medianMillis()));
        return timing;
    }

    /** --plays-per-hour events in every hour of days [fromDay, toDay), in time order; returns how many. */
    private long fill(String topic, EventGenerator generator, int fromDay, int toDay) {
        long start = settings.firstDay().plusDays(fromDay).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long hours = (toDay - fromDay) * 24L;
        long events = hours * settings.playsPerHour();
        long step = Duration.ofHours(1).toMillis() / settings.playsPerHour();
        LOG.info("writing {} events over days {}-{} of the history into {}", events, fromDay + 1, toDay, topic);
        try (EventSender sender = new EventSender(KafkaClient.of(settings.bootstrap()), topic, ProducerSettings.MAX_BLOCK)) {
            TopicFill.sendSpaced(sender, topic, generator, start, step, events);
        }
        return events;
    }

    @Override
    public List<String> report(List<Timing> timings) {
        List<String> lines = new ArrayList<>();
        lines.add("# Report time against the range asked and the history stored");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", Cassandra " + settings.cassandra() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        lines.add(String.format(Locale.ROOT, "- history: %,d plays per hour from %d listeners, from %s; rollups built by "
                + "the streamer; each report run 3 times untimed, then the median of %d runs (in-process reads, no JVM start), all while the streamer runs idle",
                settings.playsPerHour(), settings.listeners(), settings.firstDay(), settings.repeat()));
        lines.add("");
        lines.add("| report | dates | days stored | partitions read | rows | median ms |");
        lines.add("|---|---|---:|---:|---:|---:|");
        for (Timing t : timings) {
            lines.add(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.1f |", t.report(), t.range(), t.daysStored(),
                    t.partitions(), t.rows(), t.medianMillis()));
        }
        return lines;
    }
}

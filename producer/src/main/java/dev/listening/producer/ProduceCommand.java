package dev.listening.producer;

import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.Topics;
import dev.listening.producer.events.EventSink;
import dev.listening.producer.events.EventSource;
import dev.listening.producer.file.EventFileReader;
import dev.listening.producer.file.EventFileWriter;
import dev.listening.producer.kafka.EventSender;
import dev.listening.producer.kafka.ProducerSettings;
import dev.listening.producer.listeners.Listener;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.rate.Pace;
import dev.listening.producer.rate.Rate;
import dev.listening.producer.rate.Speed;
import dev.listening.producer.run.DurationConverter;
import dev.listening.producer.run.InstantConverter;
import dev.listening.producer.run.ProducerMetrics;
import dev.listening.producer.run.ProducerRun;
import dev.listening.producer.run.Report;
import dev.listening.producer.run.Timeline;
import dev.listening.producer.scenario.Scenario;
import dev.listening.producer.scenario.ScenarioSetup;
import dev.listening.producer.scenario.Scenarios;
import dev.listening.producer.songs.SongCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongFunction;
import java.util.stream.Stream;

/** ./pipeline produce (and the standalone producer jar): listening events into Kafka. */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Sends listening events (fake listeners playing songs from the songs CSV) as gzip-compressed JSON "
                        + "to Kafka, keyed by user_id, until --limit, --duration, the end of --backfill or Ctrl-C: "
                        + "at a fixed rate (uniform), or on a virtual clock (sessions, --speed, --backfill).",
                "--out FILE writes the events to a gzip JSON-lines file instead; --from FILE replays one into Kafka.",
                "Prints one line at the end: events sent, acknowledged by the broker, and failed."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every event was acknowledged", "1:bad option, unreadable songs file, broker unreachable, "
                + "or some events failed"})
public final class ProduceCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ProduceCommand.class);

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = Env.KAFKA_OPTION,
            description = "Kafka bootstrap servers (env " + Env.KAFKA + "; default ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--topic", defaultValue = Env.TOPIC_OPTION,
            description = "Topic to write to (env " + Env.TOPIC + "; default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--partitions", defaultValue = "1",
            description = "Partitions if the topic has to be created (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--rate", paramLabel = "N|max", defaultValue = "1", converter = Rate.Converter.class,
            description = "Events per second (decimals allowed), or 'max' for as fast as the broker takes them "
                    + "(default ${DEFAULT-VALUE}).")
    Rate rate;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N events.")
    Long limit;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "Stop after this long, e.g. 30s, 5m, 2h.")
    Duration duration;

    @Option(names = "--listeners", paramLabel = "N", defaultValue = "50",
            description = "Fake listeners to draw (default ${DEFAULT-VALUE}).")
    int listeners;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Add a listener with this name (repeatable); the same name gets the same user_id and "
                    + "profile in every run.")
    List<String> users = new ArrayList<>();

    @Option(names = "--seed", description = "Makes listeners, songs, order and event_ids reproducible "
            + "(random if absent; the seed used is logged).")
    Long seed;

    @Option(names = "--start", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "Where event time starts, e.g. 2024-03-03T00:00Z or 2024-03-03 (UTC). Uniform: the first "
                    + "event's ts, later ones 1/rate apart (1 ms at max); sessions: the virtual clock's start. "
                    + "Default: the wall clock (uniform: when each event is sent).")
    Instant start;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "uniform", converter = Scenarios.Converter.class,
            description = "How listeners listen: uniform (a random listener plays a random song, 1/rate apart) or "
                    + "sessions (sessions with skips and pauses at the hours a daily rhythm makes likely, popular songs "
                    + "and per-listener taste; paced by the clock, see --speed). Default ${DEFAULT-VALUE}.")
    Scenarios scenario;

    @Option(names = "--speed", paramLabel = "N|max", converter = Speed.Converter.class,
            description = "Virtual clock: event time runs N times faster than real time from --start (an hour a second "
                    + "at 3600), or 'max' for as fast as the sink takes them. Default: 1 for sessions and --from, "
                    + "max with --backfill; uniform without it keeps --rate.")
    Speed speed;

    @Option(names = "--backfill", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Fill a past period, e.g. 7d: events from --start (default: this long before now, to the "
                    + "minute) up to, not including, --start + DURATION, as fast as the sink takes them; then stop.")
    Duration backfill;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the events to this gzip JSON-lines file (e.g. events.jsonl.gz) instead of Kafka.")
    Path out;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Replay a file written with --out into Kafka, at its recorded pace (--speed N for N times "
                    + "faster, --speed max for as fast as the broker takes them).")
    Path from;

    @Option(names = "--songs", paramLabel = "PATH", defaultValue = "${sys:pipeline.root:-.}/data/spotify-songs.csv",
            description = "Songs CSV (default ${DEFAULT-VALUE}).")
    Path songs;

    @Option(names = "--connect-timeout", converter = DurationConverter.class, defaultValue = "15s",
            description = "How long to wait for the broker before giving up (default ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "0",
            description = "Serve sent/acknowledged/failed/rate on a Prometheus endpoint (/metrics) on this port "
                    + "while producing, e.g. 9465; 0: none (default).")
    int metricsPort;

    @Option(names = "--metrics-address", paramLabel = "ADDRESS", defaultValue = Env.DEFAULT_HOST,
            description = "Address the Prometheus endpoint listens on. Default: ${DEFAULT-VALUE}.")
    String metricsAddress;

    @Option(names = {"-v", "--verbose"}, description = "Log every event.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    /** The wall clock: live timestamps, and the end of a --backfill without --start. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        validate();
        if (from != null) {
            return run(new EventFileReader(from), n -> Pace.clock(null, speed == null ? Speed.REAL_TIME : speed, n),
                    "replaying " + from + " at " + (speed == null ? "the recorded pace" : "speed " + speed));
        }
        SongCatalog catalog = SongCatalog.load(songs);
        LOG.info("loaded {} songs from {}{}", catalog.songs().size(), songs,
                catalog.skipped().isEmpty() ? "" : ", skipped " + catalog.skipped().size() + " " + catalog.skipped());
        long streamSeed = seed != null ? seed : new SecureRandom().nextLong();
        List<Listener> people = Listeners.generate(listeners, users, streamSeed);
        LOG.info("{} listeners, seed {}, scenario {}", people.size(), streamSeed, scenario);
        Timeline timeline = Timeline.of(scenario == Scenarios.UNIFORM, start, backfill, speed, clock);
        ScenarioSetup setup = new ScenarioSetup(people, catalog.songs(), streamSeed, timeline.start(), timeline.end(),
                rate, clock);
        Scenario events = scenario.create(setup);
        long limitOrNone = limit == null ? Long.MAX_VALUE : limit;
        // at max, events are made a few thousand ahead, so wall-clock ts lead the send by a few milliseconds
        boolean asFastAsPossible = timeline.speed() == null ? rate.isMax() : timeline.speed().isMax();
        EventSource source = asFastAsPossible ? EventSource.ahead(events, limitOrNone) : EventSource.onDemand(events);
        LongFunction<Pace> pace = timeline.speed() == null ? n -> Pace.rate(rate, n)
                : n -> Pace.clock(timeline.start().toEpochMilli(), timeline.speed(), n);
        return run(source, pace, scenario + " " + timeline.describe(rate));
    }

    private int run(EventSource source, LongFunction<Pace> pace, String how) {
        long events = limit == null ? Long.MAX_VALUE : limit;
        // the run closes both when it ends; closing them here too covers a sink that cannot be opened (closing is idempotent)
        try (source; EventSink sink = openSink(); ProducerMetrics metrics = metrics(sink)) {
            LOG.info("{}{}", how, stopsWhen());
            try (ProducerRun run = new ProducerRun(source, sink, pace, events, duration, verbose,
                    spec.commandLine().getOut())) {
                Report report = runUntilDoneOrInterrupted(run);
                if (report.failed() > 0 || report.unanswered() > 0) {
                    Exception cause = sink.firstFailure();
                    throw new UserError((report.sent() - report.acknowledged()) + " of " + report.sent()
                            + " events were not acknowledged by Kafka; "
                            + (cause == null ? "the producer closed before they were answered" : "first cause: " + cause));
                }
                return 0;
            }
        }
    }

    /** The Prometheus endpoint of --metrics-port; null (which try-with-resources skips) for none. */
    private ProducerMetrics metrics(EventSink sink) {
        if (metricsPort == 0) {
            return null;
        }
        ProducerMetrics metrics = ProducerMetrics.serve(sink, System::nanoTime, metricsAddress, metricsPort);
        LOG.info("metrics on http://{}:{}/metrics", metricsAddress, metrics.port());
        return metrics;
    }

    /** The file of --out, or Kafka: the broker must answer within --connect-timeout, then outages are waited out. */
    private EventSink openSink() {
        if (out != null) {
            LOG.info("writing to {}", out);
            return new EventFileWriter(out);
        }
        if (Topics.ensure(bootstrap, topic, partitions, connectTimeout)) {
            LOG.info("created topic {} with {} partitions", topic, partitions);
        }
        LOG.info("producing to {} at {}", topic, bootstrap);
        return new EventSender(bootstrap, topic, ProducerSettings.MAX_BLOCK);
    }

    /** Ctrl-C or SIGTERM closes the run, which flushes and reports before the JVM exits. */
    private static Report runUntilDoneOrInterrupted(ProducerRun run) {
        Thread hook = new Thread(run::close, "producer-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.call();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting and the hook is already running: it only waits for this run
                LOG.debug("shutdown in progress", shuttingDown);
            }
        }
    }

    private void validate() {
        if (from != null) {
            List<String> generating = Stream.of("--out", "--scenario", "--rate", "--start", "--backfill", "--listeners",
                    "--user", "--seed", "--songs").filter(this::given).toList();
            if (!generating.isEmpty()) {
                throw new UserError("--from replays a file as it is: " + String.join(", ", generating) + " cannot apply");
            }
        }
        if (scenario != Scenarios.UNIFORM && given("--rate")) {
            throw new UserError("--rate is for the uniform scenario; " + scenario
                    + " follows its clock: use --speed N (or max) to run it faster");
        }
        if (from == null && scenario == Scenarios.UNIFORM && speed != null && start == null && backfill == null) {
            throw new UserError("--speed needs --start or --backfill with the uniform scenario (live events carry the wall clock)");
        }
        if (partitions < 1) {
            throw new UserError("--partitions must be at least 1, not " + partitions);
        }
        if (limit != null && limit < 0) {
            throw new UserError("--limit must not be negative, not " + limit);
        }
        if (listeners < 0) {
            throw new UserError("--listeners must not be negative, not " + listeners);
        }
        if (listeners == 0 && users.isEmpty()) {
            throw new UserError("no listeners: give --listeners N (N > 0) or --user NAME");
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private String stopsWhen() {
        List<String> stops = new ArrayList<>();
        if (limit != null) {
            stops.add(limit + " events");
        }
        if (duration != null) {
            stops.add(duration.toString().substring(2).toLowerCase(Locale.ROOT));
        }
        if (backfill != null) {
            stops.add("the end of the period");
        }
        if (from != null) {
            stops.add("the end of the file");
        }
        stops.add("Ctrl-C");
        return ", until " + String.join(" or ", stops);
    }
}

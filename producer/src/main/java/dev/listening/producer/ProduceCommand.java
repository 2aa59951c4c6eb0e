package dev.listening.producer;

import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.contract.options.KafkaOptions;
import dev.listening.contract.options.SongsOption;
import dev.listening.contract.options.TopicOption;
import dev.listening.producer.rate.Rate;
import dev.listening.producer.rate.Speed;
import dev.listening.producer.run.DurationConverter;
import dev.listening.producer.run.InstantConverter;
import dev.listening.producer.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicOption topic;

    @Option(names = "--partitions", defaultValue = ProduceSettings.DEFAULT_PARTITIONS,
            description = "Partitions if the topic has to be created (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--rate", paramLabel = "N|max", defaultValue = ProduceSettings.DEFAULT_RATE, converter = Rate.Converter.class,
            description = "Events per second (decimals allowed), or 'max' for as fast as the broker takes them "
                    + "(default ${DEFAULT-VALUE}).")
    Rate rate;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N events.")
    Long limit;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "Stop after this long, e.g. 30s, 5m, 2h.")
    Duration duration;

    @Option(names = "--listeners", paramLabel = "N", defaultValue = ProduceSettings.DEFAULT_LISTENERS,
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

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = ProduceSettings.DEFAULT_SCENARIO, converter = Scenarios.Converter.class,
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

    @Mixin
    SongsOption songs;

    @Option(names = "--connect-timeout", converter = DurationConverter.class,
            defaultValue = ProduceSettings.DEFAULT_CONNECT_TIMEOUT,
            description = "How long to wait for the broker before giving up (default ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = {"-v", "--verbose"}, description = "Log every event.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    /** The wall clock: live timestamps, and the end of a --backfill without --start. */
    Clock clock = Clock.systemUTC();

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "0",
            description = "Serve sent/acknowledged/failed/rate on a Prometheus endpoint (/metrics) on this port "
                    + "while producing, e.g. 9465; 0: none (default).")
    int metricsPort;

    @Option(names = "--metrics-address", paramLabel = "ADDRESS", defaultValue = Env.DEFAULT_HOST,
            description = "Address the Prometheus endpoint listens on. Default: ${DEFAULT-VALUE}.")
    String metricsAddress;

    @Override
    public Integer call() {
        validate();
        new Producer(settings(), clock).run(spec.commandLine().getOut());
        return 0;
    }

    ProduceSettings settings() {
        return new ProduceSettings(kafka.client(), topic.topic(), partitions, rate, limit, duration, listeners, users,
                seed, start, scenario, speed, backfill, out, from, songs.songs(), connectTimeout, verbose, metricsPort,
                metricsAddress);
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
}

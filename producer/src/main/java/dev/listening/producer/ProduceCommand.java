package dev.listening.producer;

import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.producer.events.EventGenerator;
import dev.listening.producer.events.EventSource;
import dev.listening.producer.events.EventTime;
import dev.listening.producer.kafka.EventSender;
import dev.listening.producer.kafka.ProducerSettings;
import dev.listening.producer.kafka.Topics;
import dev.listening.producer.listeners.Listener;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.rate.Rate;
import dev.listening.producer.run.DurationConverter;
import dev.listening.producer.run.ProducerRun;
import dev.listening.producer.run.Report;
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

/** ./pipeline produce (and the standalone producer jar): listening events into Kafka. */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Sends listening events (fake listeners playing songs from the songs CSV) as gzip-compressed JSON "
                        + "to Kafka, keyed by user_id, at a fixed rate until --limit, --duration or Ctrl-C.",
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

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Event time of the first event, e.g. 2024-05-01T20:00:00Z; later events follow "
                    + "1/rate apart (1 ms apart at max). Default: the wall clock when each event is sent.")
    Instant start;

    @Option(names = "--songs", paramLabel = "PATH", defaultValue = "${sys:pipeline.root:-.}/data/spotify-songs.csv",
            description = "Songs CSV (default ${DEFAULT-VALUE}).")
    Path songs;

    @Option(names = "--connect-timeout", converter = DurationConverter.class, defaultValue = "15s",
            description = "How long to wait for the broker before giving up (default ${DEFAULT-VALUE}).")
    Duration connectTimeout;

    @Option(names = {"-v", "--verbose"}, description = "Log every event.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        validate();
        SongCatalog catalog = SongCatalog.load(songs);
        LOG.info("loaded {} songs from {}{}", catalog.songs().size(), songs,
                catalog.skipped().isEmpty() ? "" : ", skipped " + catalog.skipped().size() + " " + catalog.skipped());
        long streamSeed = seed != null ? seed : new SecureRandom().nextLong();
        List<Listener> people = Listeners.generate(listeners, users, streamSeed);
        LOG.info("{} listeners, seed {}", people.size(), streamSeed);
        EventGenerator generator = new EventGenerator(people, catalog.songs(), streamSeed);
        EventTime time = start == null ? EventTime.wallClock(Clock.systemUTC()) : EventTime.from(start, rate);

        if (Topics.ensure(bootstrap, topic, partitions, connectTimeout)) {
            LOG.info("created topic {} with {} partitions", topic, partitions);
        }
        LOG.info("producing to {} at {}, rate {}{}", topic, bootstrap, rate, stopsWhen());
        long events = limit == null ? Long.MAX_VALUE : limit;
        // the broker answered within --connect-timeout above; from here on an outage is waited out
        EventSender sender = new EventSender(bootstrap, topic, ProducerSettings.MAX_BLOCK);
        // at max, events are made a few thousand ahead, so their ts lead the send by a few milliseconds
        EventSource source = rate.isMax() ? EventSource.ahead(generator, time, events)
                : EventSource.onDemand(generator, time);
        try (ProducerRun run = new ProducerRun(source, sender, rate, events, duration, verbose,
                spec.commandLine().getOut())) {
            Report report = runUntilDoneOrInterrupted(run);
            if (report.failed() > 0 || report.unanswered() > 0) {
                Exception cause = sender.firstFailure();
                throw new UserError((report.sent() - report.acknowledged()) + " of " + report.sent()
                        + " events were not acknowledged by Kafka; "
                        + (cause == null ? "the producer closed before they were answered" : "first cause: " + cause));
            }
            return 0;
        }
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

    private String stopsWhen() {
        List<String> stops = new ArrayList<>();
        if (limit != null) {
            stops.add(limit + " events");
        }
        if (duration != null) {
            stops.add(duration.toString().substring(2).toLowerCase(Locale.ROOT));
        }
        stops.add("Ctrl-C");
        return ", until " + String.join(" or ", stops);
    }
}

package dev.listening.producer;

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
import dev.listening.producer.rate.Speed;
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

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * One producing run of {@link ProduceSettings}: generated (or replayed) events into Kafka or a file,
 * one report line on {@code out} at the end. A run with unacknowledged events ends in a {@link UserError}.
 */
public final class Producer {
    private static final Logger LOG = LoggerFactory.getLogger(Producer.class);

    private final ProduceSettings settings;
    /** The wall clock: live timestamps, and the end of a --backfill without --start. */
    private final Clock clock;

    public Producer(ProduceSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs until the settings' end or Ctrl-C; the report line goes to {@code out}. */
    public void run(PrintWriter out) {
        Speed speed = settings.speed();
        if (settings.from() != null) {
            run(new EventFileReader(settings.from()), n -> Pace.clock(null, speed == null ? Speed.REAL_TIME : speed, n),
                    "replaying " + settings.from() + " at " + (speed == null ? "the recorded pace" : "speed " + speed), null, out);
            return;
        }
        SongCatalog catalog = SongCatalog.load(settings.songs());
        LOG.info("loaded {} songs from {}{}", catalog.songs().size(), settings.songs(),
                catalog.skipped().isEmpty() ? "" : ", skipped " + catalog.skipped().size() + " " + catalog.skipped());
        long streamSeed = settings.seed() != null ? settings.seed() : new SecureRandom().nextLong();
        List<Listener> people = Listeners.generate(settings.listeners(), settings.users(), streamSeed);
        LOG.info("{} listeners, seed {}, scenario {}", people.size(), streamSeed, settings.scenario());
        Timeline timeline = Timeline.of(settings.scenario() == Scenarios.UNIFORM, settings.start(), settings.backfill(),
                speed, clock);
        ScenarioSetup setup = new ScenarioSetup(people, catalog.songs(), streamSeed, timeline.start(), timeline.end(),
                settings.rate(), clock);
        Scenario events = settings.scenario().create(setup);
        long limitOrNone = settings.limit() == null ? Long.MAX_VALUE : settings.limit();
        // at max, events are made a few thousand ahead, so wall-clock ts lead the send by a few milliseconds
        boolean asFastAsPossible = timeline.speed() == null ? settings.rate().isMax() : timeline.speed().isMax();
        EventSource source = asFastAsPossible ? EventSource.ahead(events, limitOrNone) : EventSource.onDemand(events);
        LongFunction<Pace> pace = timeline.speed() == null ? n -> Pace.rate(settings.rate(), n)
                : n -> Pace.clock(timeline.start().toEpochMilli(), timeline.speed(), n);
        ProducerRun.Goal backfill = settings.backfill() == null ? null : ProducerRun.Goal.eventTime(timeline.start(), timeline.end());
        run(source, pace, settings.scenario() + " " + timeline.describe(settings.rate()), backfill, out);
    }

    /** @param endOfTime the goal when no --limit is given: the end of a --backfill, or null */
    private void run(EventSource source, LongFunction<Pace> pace, String how, ProducerRun.Goal endOfTime, PrintWriter out) {
        long events = settings.limit() == null ? Long.MAX_VALUE : settings.limit();
        ProducerRun.Goal goal = settings.limit() != null ? ProducerRun.Goal.events(settings.limit()) : endOfTime;
        // the run closes both when it ends; closing them here too covers a sink that cannot be opened (closing is idempotent)
        try (source; EventSink sink = openSink(); ProducerMetrics metrics = metrics(sink)) {
            LOG.info("{}{}", how, stopsWhen());
            try (ProducerRun run = new ProducerRun(source, sink, pace, events, settings.duration(), settings.verbose(), goal, out)) {
                Report report = runUntilDoneOrInterrupted(run);
                if (report.failed() > 0 || report.unanswered() > 0) {
                    Exception cause = sink.firstFailure();
                    throw new UserError((report.sent() - report.acknowledged()) + " of " + report.sent()
                            + " events were not acknowledged by Kafka; "
                            + (cause == null ? "the producer closed before they were answered" : "first cause: " + cause));
                }
            }
        }
    }

    /** The Prometheus endpoint of --metrics-port; null (which try-with-resources skips) for none. */
    private ProducerMetrics metrics(EventSink sink) {
        if (settings.metricsPort() == 0) {
            return null;
        }
        ProducerMetrics metrics = ProducerMetrics.serve(sink, System::nanoTime, settings.metricsAddress(), settings.metricsPort());
        LOG.info("metrics on http://{}:{}/metrics", settings.metricsAddress(), metrics.port());
        return metrics;
    }

    /** The file of --out, or Kafka: the broker must answer within --connect-timeout, then outages are waited out. */
    private EventSink openSink() {
        if (settings.out() != null) {
            LOG.info("writing to {}", settings.out());
            return new EventFileWriter(settings.out());
        }
        String topic = settings.topic();
        if (Topics.ensure(settings.kafka(), topic, settings.partitions(), settings.connectTimeout())) {
            LOG.info("created topic {} with {} partitions", topic, settings.partitions());
        }
        LOG.info("producing to {} at {}", topic, settings.kafka().bootstrap());
        return new EventSender(settings.kafka(), topic, ProducerSettings.MAX_BLOCK);
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

    private String stopsWhen() {
        List<String> stops = new ArrayList<>();
        if (settings.limit() != null) {
            stops.add(settings.limit() + " events");
        }
        if (settings.duration() != null) {
            stops.add(settings.duration().toString().substring(2).toLowerCase(Locale.ROOT));
        }
        if (settings.backfill() != null) {
            stops.add("the end of the period");
        }
        if (settings.from() != null) {
            stops.add("the end of the file");
        }
        stops.add("Ctrl-C");
        return ", until " + String.join(" or ", stops);
    }
}

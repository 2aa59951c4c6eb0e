package dev.listening.producer.run;

import dev.listening.producer.events.EventSink;
import dev.listening.producer.events.EventSource;
import dev.listening.producer.events.WireEvent;
import dev.listening.producer.kafka.ProducerSettings;
import dev.listening.producer.rate.Pace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * One producing run: events at their {@link Pace} until the source ends, the limit, the duration or {@link #close()};
 * then it flushes, prints the {@link Report} and closes the sender. {@link #close()} may come from
 * another thread (a shutdown hook on Ctrl-C/SIGTERM): it stops the loop and waits for the report.
 */
public final class ProducerRun implements Callable<Report>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProducerRun.class);
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** A send in progress may block up to max.block, then flushing is bounded by the delivery timeout. */
    private static final Duration CLOSE_WAIT =
            ProducerSettings.MAX_BLOCK.plus(ProducerSettings.DELIVERY_TIMEOUT).plusSeconds(10);

    private final EventSource events;
    private final EventSink sender;
    private final LongFunction<Pace> pace;
    private final long limit;
    private final Duration duration;
    private final boolean verbose;
    private final Goal goal;
    private final PrintWriter out;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopped;
    private volatile Thread runner;

    /** A run's known end, for its {@link Progress}: events sent of {@code --limit}, or minutes of event time of {@code --backfill}. */
    public record Goal(long total, String unit, Long startMs) {
        private static final long MILLIS_PER_MINUTE = 60_000;

        public static Goal events(long limit) {
            return new Goal(limit, "events", null);
        }

        public static Goal eventTime(Instant start, Instant end) {
            return new Goal(Duration.between(start, end).toMinutes(), "min of event time", start.toEpochMilli());
        }

        long done(long sent, long lastTs) {
            return startMs == null ? sent : Math.min(total, Math.max(0, (lastTs - startMs) / MILLIS_PER_MINUTE));
        }
    }

    /**
     * @param events   what to send; closed with the run, like the sink
     * @param pace     the schedule, from the run's start on the {@link System#nanoTime()} scale
     * @param limit    events to send, or {@link Long#MAX_VALUE}
     * @param duration how long to run, or null for no bound
     * @param goal     the known end whose progress is shown, or null: then a busy run logs its rate now and then
     * @param out      where the final report line goes
     */
    public ProducerRun(EventSource events, EventSink sender, LongFunction<Pace> pace, long limit, Duration duration,
                       boolean verbose, Goal goal, PrintWriter out) {
        this.events = events;
        this.sender = sender;
        this.pace = pace;
        this.limit = limit;
        this.duration = duration;
        this.verbose = verbose;
        this.goal = goal;
        this.out = out;
    }

    @Override
    public Report call() {
        runner = Thread.currentThread();
        long start = System.nanoTime();
        try {
            try (Progress progress = goal == null ? null : Progress.start("producing", goal.total(), goal.unit())) {
                loop(start, progress);
            }
            sender.flush();
            Report report = new Report(sender.sent(), sender.acknowledged(), sender.failed(),
                    Duration.ofNanos(System.nanoTime() - start));
            out.println(report.line());
            out.flush();
            return report;
        } finally {
            events.close();
            sender.close();
            finished.countDown();
        }
    }

    private void loop(long start, Progress toGoal) {
        Pace schedule = pace.apply(start);
        // without a goal, periodic rates only where per-event lines would be too many; at 1/s, --verbose shows each event
        boolean progress = toGoal == null && schedule.busy();
        long lastProgress = start;
        long lastSent = 0;
        for (long index = 0; index < limit; index++) {
            if (!awaitTurn(schedule.beforeMaking(index), start)) {
                return;
            }
            WireEvent event = events.next();
            if (event == null || !awaitTurn(schedule.beforeSending(event.ts()), start)) {
                return;
            }
            sender.send(event.key(), event.json());
            if (verbose) {
                LOG.info("{}", new String(event.json(), StandardCharsets.UTF_8));
            }
            if (toGoal != null) {
                toGoal.stepTo(goal.done(sender.sent(), event.ts()));
            }
            long now = progress ? System.nanoTime() : 0;
            if (progress && now - lastProgress >= PROGRESS_EVERY_NANOS) {
                double perSecond = (sender.sent() - lastSent) / ((now - lastProgress) / 1e9);
                LOG.info(String.format(Locale.ROOT, "sent %d (%.0f events/s), acknowledged %d, failed %d",
                        sender.sent(), perSecond, sender.acknowledged(), sender.failed()));
                lastProgress = now;
                lastSent = sender.sent();
            }
        }
    }

    /** Parks until {@code deadline}; false when the run must end first (stopped or out of time). */
    private boolean awaitTurn(long deadline, long start) {
        while (!stopped) {
            long now = System.nanoTime();
            long left = duration == null ? Long.MAX_VALUE : duration.toNanos() - (now - start);
            if (left <= 0) {
                return false;
            }
            long wait = deadline - now;
            if (wait <= 0) {
                return true;
            }
            LockSupport.parkNanos(this, Math.min(wait, left));
        }
        return false;
    }

    /** Stops the loop and waits until the run has flushed and printed its report. */
    @Override
    public void close() {
        stopped = true;
        Thread thread = runner;
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        LockSupport.unpark(thread);
        try {
            if (!finished.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the producer did not finish within {} s", CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

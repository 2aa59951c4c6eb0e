package dev.listening.dashboard;

import dev.listening.contract.UserError;
import dev.listening.dashboard.http.DashboardServer;
import dev.listening.dashboard.live.KafkaSampler;
import dev.listening.dashboard.live.LiveSampler;
import dev.listening.dashboard.live.MetricsTail;
import dev.listening.dashboard.live.Timeline;
import dev.listening.dashboard.live.TopicWatch;
import dev.listening.dashboard.store.StoreWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ./pipeline dashboard running: the page's server, once-a-second samplers of Kafka and of the
 * streamer's metrics file, and a Cassandra watcher every few seconds. Each watcher runs on its own
 * thread, so a service that hangs delays only its own part of the page.
 */
public final class Dashboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    /** Kafka, the metrics file and Cassandra: one thread each. */
    private static final int WATCHERS = 3;
    static final Duration SAMPLE_EVERY = Duration.ofSeconds(1);
    static final Duration STORE_EVERY = Duration.ofSeconds(3);
    /** Ten minutes of one-second samples. */
    static final int SAMPLES_KEPT = 600;
    /** Each Kafka and Cassandra request's deadline: a dead service shows as down within a tick or two. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

    private final TopicWatch topic;
    private final StoreWatch store;
    private final ScheduledExecutorService watchers;
    private final DashboardServer server;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Dashboard(DashboardSettings settings) {
        Clock clock = Clock.systemUTC();
        Timeline timeline = new Timeline(SAMPLES_KEPT);
        this.topic = new TopicWatch(settings.kafka(), settings.topic(), REQUEST_TIMEOUT);
        KafkaSampler kafka = new KafkaSampler(topic, settings.topic(), clock);
        LiveSampler live = new LiveSampler(kafka, new MetricsTail(settings.metricsFile()), timeline, clock);
        this.store = new StoreWatch(settings.cassandra(), settings.datacenter(), settings.keyspace(), REQUEST_TIMEOUT, clock);
        this.watchers = Executors.newScheduledThreadPool(WATCHERS, r -> {
            Thread thread = new Thread(r, "dashboard-watch");
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = new DashboardServer(settings.address(), settings.port(), kafka, live, timeline, store, clock);
        } catch (BindException e) {
            close();
            throw new UserError("cannot serve the dashboard on " + settings.address() + ":" + settings.port()
                    + " (" + e.getMessage() + "): choose another port", e);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
        watchers.scheduleWithFixedDelay(guarded(kafka), 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        watchers.scheduleWithFixedDelay(guarded(live), 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        watchers.scheduleWithFixedDelay(guarded(store), 0, STORE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts watching and serving; close() stops both. */
    public static Dashboard start(DashboardSettings settings) {
        Dashboard dashboard = new Dashboard(settings);
        dashboard.server.start();
        return dashboard;
    }

    public URI address() {
        return server.address();
    }

    /** A scheduled task that throws is never run again: the watchers log a bug and go on. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed", task.getClass().getSimpleName(), e);
            }
        };
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (server != null) {
            server.close();
        }
        watchers.shutdownNow();
        try {
            if (!watchers.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("a dashboard watcher did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        topic.close();
        store.close();
    }
}

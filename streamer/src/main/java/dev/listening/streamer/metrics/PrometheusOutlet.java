package dev.listening.streamer.metrics;

import dev.listening.contract.UserError;
import dev.listening.contract.metrics.BatchMetrics;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;

/**
 * The job's {@link BatchMetrics} on a Prometheus endpoint (http://ADDRESS:PORT/metrics): totals as
 * counters, the last batch's figures as gauges, and freshness as of each scrape.
 */
public final class PrometheusOutlet implements MetricsOutlet {
    static final String PREFIX = "listening_streamer_";

    private final HTTPServer server;
    private final Clock clock;
    private final Counter batches;
    private final Counter inputRows;
    private final Counter rowsStored;
    private final Counter deadLetters;
    private final Counter joinMisses;
    private final Counter retries;
    private final Gauge rowsPerSecond;
    private final Gauge batchDuration;
    private final Gauge kafkaLagRecords;
    private final Gauge kafkaLagSeconds;
    private final Gauge rollupLagRecords;
    private final Gauge rollupLag;
    private final Counter lateForRollups;
    private final Counter rollupRows;
    private final Counter rollupSeconds;
    private volatile Instant newestEvent;

    private PrometheusOutlet(PrometheusRegistry registry, String address, int port, Clock clock) throws IOException {
        this.clock = clock;
        batches = counter(registry, "batches", "Micro-batches run.");
        inputRows = counter(registry, "input_rows", "Records read from Kafka.");
        rowsStored = counter(registry, "rows_stored", "Events written to listening_history.");
        deadLetters = counter(registry, "dead_letters", "Records written to listening_dead_letter.");
        joinMisses = counter(registry, "join_misses", "Events stored without song features (song not in the catalogue).");
        retries = counter(registry, "retries", "Batch writes retried while Cassandra was unavailable.");
        rowsPerSecond = gauge(registry, "rows_per_second", "Records per second of the last batch.");
        batchDuration = gauge(registry, "batch_duration_seconds", "Duration of the last batch.");
        kafkaLagRecords = gauge(registry, "kafka_lag_records", "Offsets behind the latest, the worst partition.");
        kafkaLagSeconds = gauge(registry, "kafka_lag_seconds", "Age of the newest record read when its batch finished.");
        rollupLagRecords = gauge(registry, "rollup_lag_records", "Records the history has read and the rollups not yet.");
        rollupLag = gauge(registry, "rollup_lag_seconds", "Newest event time stored minus the newest rolled up.");
        lateForRollups = counter(registry, "late_for_rollups", "Events stored but not rolled up: older than the rollups' watermark.");
        rollupRows = counter(registry, "rollup_rows", "Records the rollup query's batches read.");
        rollupSeconds = counter(registry, "rollup_batch_seconds", "Time the rollup query's batches took.");
        GaugeWithCallback.builder().name(PREFIX + "freshness_seconds")
                .help("Now minus the newest event time stored (absent before the first).")
                .callback(callback -> {
                    Instant newest = newestEvent;
                    if (newest != null) {
                        callback.call((clock.millis() - newest.toEpochMilli()) / 1000.0);
                    }
                })
                .register(registry);
        this.server = HTTPServer.builder().hostname(address).port(port).registry(registry).buildAndStart();
    }

    /** Serves the metrics on ADDRESS:PORT until closed; port 0 takes any free one (tests). */
    public static PrometheusOutlet start(String address, int port, Clock clock) {
        try {
            return new PrometheusOutlet(new PrometheusRegistry(), address, port, clock);
        } catch (IOException e) {
            throw new UserError("cannot serve metrics on " + address + ":" + port + " (" + e.getMessage()
                    + "); another port, or 0 to turn the endpoint off", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void publish(BatchMetrics m) {
        if (!m.idle()) {
            batches.inc();
            inputRows.inc(m.inputRows());
            rowsStored.inc(m.rowsStored());
            deadLetters.inc(m.deadLetters());
            joinMisses.inc(m.joinMisses());
            retries.inc(m.retries());
            rowsPerSecond.set(m.rowsPerSecond());
            batchDuration.set(m.durationMs() / 1000.0);
        }
        if (m.kafkaLagRecords() != null) {
            kafkaLagRecords.set(m.kafkaLagRecords());
        }
        if (m.kafkaLagSeconds() != null) {
            kafkaLagSeconds.set(m.kafkaLagSeconds());
        }
        if (m.rollupLagRecords() != null) {
            rollupLagRecords.set(m.rollupLagRecords());
        }
        if (m.rollupLagSeconds() != null) {
            rollupLag.set(m.rollupLagSeconds());
        }
        lateForRollups.inc(m.lateForRollups());
        rollupRows.inc(m.rollupRows());
        rollupSeconds.inc(m.rollupMs() / 1000.0);
        if (m.newestEventTime() != null) {
            newestEvent = Instant.parse(m.newestEventTime());
        }
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return "the Prometheus endpoint on port " + port();
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help) {
        return Counter.builder().name(PREFIX + name).help(help).register(registry);
    }

    private static Gauge gauge(PrometheusRegistry registry, String name, String help) {
        return Gauge.builder().name(PREFIX + name).help(help).register(registry);
    }
}

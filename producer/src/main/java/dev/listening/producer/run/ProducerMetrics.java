package dev.listening.producer.run;

import dev.listening.contract.UserError;
import dev.listening.producer.events.EventSink;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * The producer's counts on a Prometheus endpoint (http://ADDRESS:PORT/metrics) while it runs, read
 * from the sink at each scrape: the same counts as its closing {@link Report} line.
 */
public final class ProducerMetrics implements AutoCloseable {
    static final String PREFIX = "listening_producer_";

    private final HTTPServer server;

    private ProducerMetrics(HTTPServer server) {
        this.server = server;
    }

    /** Serves the sink's counts on ADDRESS:PORT until closed; port 0 takes any free one (tests). */
    public static ProducerMetrics serve(EventSink sink, LongSupplier nanoTime, String address, int port) {
        PrometheusRegistry registry = new PrometheusRegistry();
        counter(registry, "sent", "Events handed to the Kafka producer.", sink::sent);
        counter(registry, "acknowledged", "Events the broker acknowledged.", sink::acknowledged);
        counter(registry, "failed", "Events that failed for good.", sink::failed);
        long start = nanoTime.getAsLong();
        GaugeWithCallback.builder().name(PREFIX + "events_per_second")
                .help("Acknowledged events per second since the run started.")
                .callback(callback -> {
                    double seconds = (nanoTime.getAsLong() - start) / 1e9;
                    callback.call(seconds > 0 ? sink.acknowledged() / seconds : 0);
                })
                .register(registry);
        try {
            return new ProducerMetrics(HTTPServer.builder().hostname(address).port(port).registry(registry).buildAndStart());
        } catch (IOException e) {
            throw new UserError("cannot serve metrics on " + address + ":" + port + " (" + e.getMessage()
                    + "); another --metrics-port, or 0 for none", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    private static void counter(PrometheusRegistry registry, String name, String help, LongSupplier value) {
        CounterWithCallback.builder().name(PREFIX + name).help(help)
                .callback(callback -> callback.call(value.getAsLong()))
                .register(registry);
    }
}

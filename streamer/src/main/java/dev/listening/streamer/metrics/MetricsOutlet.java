package dev.listening.streamer.metrics;

import dev.listening.contract.metrics.BatchMetrics;

/** Where the job's {@link BatchMetrics} go: the metrics file, the Prometheus endpoint. */
public interface MetricsOutlet extends AutoCloseable {
    /** The query runs. */
    default void started() {
    }

    void publish(BatchMetrics metrics);

    @Override
    default void close() {
    }
}

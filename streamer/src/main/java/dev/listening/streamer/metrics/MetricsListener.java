package dev.listening.streamer.metrics;

import dev.listening.contract.metrics.BatchMetrics;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reports every micro-batch, once committed, and every idle trigger ({@link BatchReport}) to the
 * outlets; one INFO line per batch that read records. Spark calls it on its one listener thread.
 */
public final class MetricsListener extends StreamingQueryListener {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsListener.class);

    private final BatchCounter counter;
    private final Supplier<BatchReport.Rollups> rollups;
    private final List<MetricsOutlet> outlets;
    private final Clock clock;
    private long lastBatch = -1;
    private Long newestEventMs;

    public MetricsListener(BatchCounter counter, Supplier<BatchReport.Rollups> rollups, List<MetricsOutlet> outlets, Clock clock) {
        this.counter = counter;
        this.rollups = rollups;
        this.outlets = List.copyOf(outlets);
        this.clock = clock;
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        LOG.info("query {} started (run {})", event.name(), event.runId());
        each(MetricsOutlet::started);
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        BatchCounts counts = counter.take(event.progress().batchId());
        if (counts.newestEventMs() != null && (newestEventMs == null || counts.newestEventMs() > newestEventMs)) {
            newestEventMs = counts.newestEventMs();
        }
        lastBatch = event.progress().batchId();
        BatchMetrics metrics = BatchReport.batch(event.progress(), counts, rollups.get(), newestEventMs, clock.instant());
        if (metrics.inputRows() > 0) {
            LOG.info(BatchReport.line(metrics));
        } else {
            LOG.debug(BatchReport.line(metrics));
        }
        LOG.debug("progress {}", event.progress().json());
        each(outlet -> outlet.publish(metrics));
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {
        BatchMetrics metrics = BatchReport.idle(event.runId().toString(), lastBatch, rollups.get(), newestEventMs, clock.instant());
        each(outlet -> outlet.publish(metrics));
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
        // A failure is logged by Spark with its stack trace and reported by the job's exit.
        if (event.exception().isEmpty()) {
            LOG.info("query {} stopped", event.runId());
        }
    }

    /** A metrics outlet that fails loses that record, not the stream. */
    private void each(Consumer<MetricsOutlet> action) {
        for (MetricsOutlet outlet : outlets) {
            try {
                action.accept(outlet);
            } catch (RuntimeException e) {
                LOG.warn("cannot write metrics to {}: {}", outlet, e.getMessage());
            }
        }
    }
}

package dev.listening.streamer.metrics;

import dev.listening.contract.metrics.BatchMetrics;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reports every micro-batch of the history query, once committed, and every idle trigger ({@link BatchReport})
 * to the outlets; one INFO line per batch that read records. The rollup query's batches are not reported
 * on their own: they move where the rollups stand ({@link RollupProgress}), which each report includes.
 * Spark calls it on its one listener thread.
 */
public final class MetricsListener extends StreamingQueryListener {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsListener.class);

    private final BatchCounter counter;
    private final String rollupQuery;
    private final RollupProgress rollups = new RollupProgress();
    private final List<MetricsOutlet> outlets;
    private final Clock clock;
    private UUID rollupQueryId;
    private long lastBatch = -1;
    private Long newestEventMs;

    /** @param rollupQuery the name of the rollup query; every other query is the history's */
    public MetricsListener(BatchCounter counter, String rollupQuery, List<MetricsOutlet> outlets, Clock clock) {
        this.counter = counter;
        this.rollupQuery = rollupQuery;
        this.outlets = List.copyOf(outlets);
        this.clock = clock;
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        LOG.info("query {} started (run {})", event.name(), event.runId());
        if (rollupQuery.equals(event.name())) {
            rollupQueryId = event.id();
        } else {
            each(MetricsOutlet::started);
        }
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        if (rollupQuery.equals(event.progress().name())) {
            rollups.rollupBatch(event.progress());
            return;
        }
        rollups.historyBatch(event.progress());
        BatchCounts counts = counter.take(event.progress().batchId());
        if (counts.newestEventMs() != null && (newestEventMs == null || counts.newestEventMs() > newestEventMs)) {
            newestEventMs = counts.newestEventMs();
        }
        lastBatch = event.progress().batchId();
        BatchMetrics metrics = BatchReport.batch(event.progress(), counts, rollups.report(newestEventMs), newestEventMs, clock.instant());
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
        if (event.id().equals(rollupQueryId)) {
            return;
        }
        BatchMetrics metrics = BatchReport.idle(event.runId().toString(), lastBatch, rollups.report(newestEventMs), newestEventMs,
                clock.instant());
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

package dev.listening.streamer.metrics;

import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One INFO line per micro-batch that read records; idle progress reports stay at DEBUG. */
public final class BatchProgressLogger extends StreamingQueryListener {
    private static final Logger LOG = LoggerFactory.getLogger(BatchProgressLogger.class);

    private final BatchCounter counter;

    public BatchProgressLogger(BatchCounter counter) {
        this.counter = counter;
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        LOG.info("query {} started (run {})", event.name(), event.runId());
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        BatchLine line = BatchLine.of(event.progress(), counter.take(event.progress().batchId()));
        if (line.inputRows() > 0) {
            LOG.info(line.format());
        } else {
            LOG.debug(line.format());
        }
        LOG.debug("progress {}", event.progress().json());
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
        // A failure is logged by Spark with its stack trace and reported by the job's exit.
        if (event.exception().isEmpty()) {
            LOG.info("query {} stopped", event.runId());
        }
    }
}

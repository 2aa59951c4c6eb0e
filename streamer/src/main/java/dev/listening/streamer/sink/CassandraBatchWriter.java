package dev.listening.streamer.sink;

import dev.listening.contract.Names;
import dev.listening.streamer.metrics.BatchCounter;
import dev.listening.streamer.metrics.BatchCounts;
import dev.listening.streamer.plan.ListeningPlan;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes one micro-batch of the classified frame to listening_history and listening_dead_letter
 * ({@link TableWriter}). Both are upserts by primary key (event_id / Kafka offset), so a
 * replayed batch rewrites the same rows.
 *
 * <p>One pass in the usual case: the history write also counts the batch's dead letters and join
 * misses (an observation). Only a batch that has dead letters is read a second time, to store
 * them; Kafka returns the same records for the batch's fixed offsets. Caching every batch for a
 * second write that is nearly always empty cost more than that rare second read.
 */
public final class CassandraBatchWriter implements VoidFunction2<Dataset<Row>, Long> {
    private final TableWriter history;
    private final TableWriter deadLetters;
    private final OutageRetry retry;
    private final BatchCounter counter;

    public CassandraBatchWriter(TableWriter history, TableWriter deadLetters, OutageRetry retry, BatchCounter counter) {
        this.history = history;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.counter = counter;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) throws InterruptedException {
        AtomicReference<Map<String, Object>> observed = new AtomicReference<>();
        int retries = retry.run("writing batch " + batchId + " to " + Names.HISTORY_TABLE, () -> {
            // A fresh observation per attempt: what a failed attempt counted goes with it.
            Observation observation = new Observation();
            history.write(ListeningPlan.validOf(ListeningPlan.observe(batch, observation)));
            observed.set(observation.getAsJava());
        });
        BatchCounts counts = BatchCounts.of(observed.get(), retries);
        if (counts.deadLetters() > 0) {
            counts = counts.plusRetries(retry.run("writing batch " + batchId + " to " + Names.DEAD_LETTER_TABLE,
                    () -> deadLetters.write(ListeningPlan.deadLettersOf(batch))));
        }
        counter.record(batchId, counts);
    }
}

package dev.listening.streamer.sink;

import dev.listening.contract.Names;
import dev.listening.streamer.plan.ListeningPlan;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.storage.StorageLevel;

/**
 * Writes one micro-batch of the classified frame to listening_history and listening_dead_letter
 * with the Cassandra connector. Both are upserts by primary key (event_id / Kafka offset), so a
 * replayed batch rewrites the same rows.
 */
public final class CassandraBatchWriter implements VoidFunction2<Dataset<Row>, Long> {
    /** The connector registers no DataSourceRegister service, so the short name "cassandra" does not resolve. */
    public static final String FORMAT = "org.apache.spark.sql.cassandra";

    private final String keyspace;
    private final OutageRetry retry;

    public CassandraBatchWriter(String keyspace, OutageRetry retry) {
        this.keyspace = keyspace;
        this.retry = retry;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) throws InterruptedException {
        // Two writes from one batch: persisted, so Kafka is read and the JSON parsed (and observed) once.
        batch.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            retry.run("writing batch " + batchId + " to " + Names.HISTORY_TABLE,
                    () -> write(ListeningPlan.validOf(batch), Names.HISTORY_TABLE));
            Dataset<Row> deadLetters = ListeningPlan.deadLettersOf(batch);
            // Read from the cached batch (its column statistics mostly answer it): no write job when all is well.
            if (!deadLetters.isEmpty()) {
                retry.run("writing batch " + batchId + " to " + Names.DEAD_LETTER_TABLE,
                        () -> write(deadLetters, Names.DEAD_LETTER_TABLE));
            }
        } finally {
            batch.unpersist(false);
        }
    }

    private void write(Dataset<Row> rows, String table) {
        rows.write()
                .format(FORMAT)
                .option("keyspace", keyspace)
                .option("table", table)
                .mode(SaveMode.Append)
                .save();
    }
}

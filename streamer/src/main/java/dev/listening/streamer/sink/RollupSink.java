package dev.listening.streamer.sink;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import dev.listening.streamer.rollup.RollupStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Upserts one rollup batch ({@link RollupStream}: the full values of the keys its events touched) into the
 * four rollup tables. A replayed batch writes the same values again. The batch is kept while its five
 * projections are written, so the stateful plan runs once per batch.
 */
public final class RollupSink implements VoidFunction2<Dataset<Row>, Long> {
    private final Map<TableWriter, UnaryOperator<Dataset<Row>>> writes = new LinkedHashMap<>();
    private final OutageRetry retry;

    public RollupSink(SparkConf conf, String keyspace, ConsistencyLevel consistency, OutageRetry retry) {
        this.retry = retry;
        writes.put(TableWriter.of(conf, StatementFile.LISTENER_SONG_HOURLY_INSERT, keyspace, consistency), RollupStream::listenerSongHourly);
        writes.put(TableWriter.of(conf, StatementFile.LISTENER_HOURLY_INSERT, keyspace, consistency), RollupStream::listenerHourly);
        writes.put(TableWriter.of(conf, StatementFile.LISTENING_BY_HOUR_INSERT_SONG, keyspace, consistency), RollupStream::hourSongs);
        writes.put(TableWriter.of(conf, StatementFile.LISTENING_BY_HOUR_INSERT_TOTALS, keyspace, consistency), RollupStream::hourTotals);
        writes.put(TableWriter.of(conf, StatementFile.LISTENER_DAILY_INSERT, keyspace, consistency), RollupStream::listenerDaily);
    }

    @Override
    public void call(Dataset<Row> touched, Long batchId) throws InterruptedException {
        Dataset<Row> kept = touched.persist();
        try {
            retry.run("writing rollup batch " + batchId, () -> writes.forEach((writer, rows) -> writer.write(rows.apply(kept))));
        } finally {
            kept.unpersist();
        }
    }
}

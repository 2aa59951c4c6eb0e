package dev.listening.streamer.batch;

import dev.listening.contract.Names;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Recomputes the rollups of a date (or one hour of it) from listening_history ({@link RollupPlans}) and
 * upserts full values, so a rebuild run twice writes the same rows. The listener-days are summed from the
 * date's listener_hourly rows after the hours are written, so that a one-hour rebuild keeps the other hours.
 * Rows of listeners or songs the history no longer has are left as they are (the history only grows).
 */
final class RollupRebuild {
    private static final int HOURS = 24;

    private RollupRebuild() {
    }

    /** Rows read from the history and rows written to the four tables. */
    record Counts(long read, long written) {
    }

    static Counts run(SparkSession spark, String keyspace, LocalDate date, OptionalInt hour) {
        Dataset<Row> plays = HistoryReader.plays(spark, keyspace, date, hour).cache();
        try {
            long read = plays.count();
            Dataset<Row> listenerHourly = RollupPlans.listenerHourly(plays).cache();
            Dataset<Row> listenerSongHourly = RollupPlans.listenerSongHourly(plays).cache();
            long written = write(keyspace, Names.LISTENER_HOURLY_TABLE, listenerHourly)
                    + write(keyspace, Names.LISTENER_SONG_HOURLY_TABLE, listenerSongHourly)
                    + write(keyspace, Names.BY_HOUR_TABLE, RollupPlans.listeningByHour(listenerHourly, listenerSongHourly));
            Dataset<Row> dayHours = HistoryReader.table(spark, keyspace, Names.LISTENER_HOURLY_TABLE).load()
                    .where(col(RollupPlans.DATE).equalTo(lit(date))
                            .and(col(RollupPlans.HOUR).isin(IntStream.range(0, HOURS).boxed().toArray())));
            written += write(keyspace, Names.LISTENER_DAILY_TABLE, RollupPlans.listenerDaily(dayHours));
            listenerHourly.unpersist();
            listenerSongHourly.unpersist();
            return new Counts(read, written);
        } finally {
            plays.unpersist();
        }
    }

    /** Upserts the rows into the table; how many (rollup rows are few: counting them again costs little). */
    private static long write(String keyspace, String table, Dataset<Row> rows) {
        rows.write().format("org.apache.spark.sql.cassandra").option("keyspace", keyspace).option("table", table)
                .mode(SaveMode.Append).save();
        return rows.count();
    }
}

package dev.listening.streamer.batch;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * A date's (or hour's) plays from listening_history as Parquet under {@code out}, partitioned by date and
 * hour. With dynamic partition overwrite a rerun replaces exactly the date/hour directories it writes.
 */
final class Archive {
    private Archive() {
    }

    /** Rows read and rows the archive holds afterwards for the same date (hour). */
    record Counts(long read, long written) {
    }

    static Counts run(SparkSession spark, String keyspace, LocalDate date, OptionalInt hour, Path out) {
        Dataset<Row> plays = HistoryReader.plays(spark, keyspace, date, hour).cache();
        try {
            long read = plays.count();
            plays.write().mode(SaveMode.Overwrite).partitionBy(RollupPlans.DATE, RollupPlans.HOUR).parquet(out.toString());
            long written = HistoryReader.dayAndHour(spark.read().parquet(out.toString()), date, hour).count();
            return new Counts(read, written);
        } finally {
            plays.unpersist();
        }
    }
}

package dev.listening.streamer.batch;

import com.datastax.spark.connector.japi.CassandraJavaUtil;
import com.datastax.spark.connector.japi.CassandraRow;
import dev.listening.contract.Names;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * Reads the plays of a date (or one hour of it) from listening_history by partition. The partition key is
 * (name, date, hour): a date alone is not one, so the connector could only scan the whole table and filter.
 * Instead the table's partition keys are listed first (one row per partition, PER PARTITION LIMIT 1, key
 * columns only), those of the date kept, and only those partitions read, by the connector's direct join.
 */
final class HistoryReader {
    private static final String CASSANDRA_FORMAT = "org.apache.spark.sql.cassandra";
    private static final StructType KEY = new StructType()
            .add(RollupPlans.NAME, DataTypes.StringType, false)
            .add(RollupPlans.DATE, DataTypes.DateType, false)
            .add(RollupPlans.HOUR, DataTypes.IntegerType, false);

    private HistoryReader() {
    }

    static Dataset<Row> plays(SparkSession spark, String keyspace, LocalDate date, OptionalInt hour) {
        JavaRDD<Row> keys = CassandraJavaUtil.javaFunctions(spark.sparkContext())
                .cassandraTable(keyspace, Names.HISTORY_TABLE)
                .select(RollupPlans.NAME, RollupPlans.DATE, RollupPlans.HOUR)
                .perPartitionLimit(1L)
                .map(HistoryReader::key);
        Dataset<Row> partitions = dayAndHour(spark.createDataFrame(keys, KEY), date, hour);
        return table(spark, keyspace, Names.HISTORY_TABLE)
                .option("directJoinSetting", "on")
                .load()
                .join(partitions, CollectionConverters.asScala(
                        List.of(RollupPlans.NAME, RollupPlans.DATE, RollupPlans.HOUR)).toSeq());
    }

    /** The rows of the date, or of its hour. */
    static Dataset<Row> dayAndHour(Dataset<Row> rows, LocalDate date, OptionalInt hour) {
        Column onDate = col(RollupPlans.DATE).equalTo(lit(date));
        return rows.where(hour.isPresent() ? onDate.and(col(RollupPlans.HOUR).equalTo(hour.getAsInt())) : onDate);
    }

    static DataFrameReader table(SparkSession spark, String keyspace, String table) {
        return spark.read().format(CASSANDRA_FORMAT).option("keyspace", keyspace).option("table", table);
    }

    private static Row key(CassandraRow row) {
        return RowFactory.create(row.getString(RollupPlans.NAME), row.getRaw(RollupPlans.DATE), row.getInt(RollupPlans.HOUR));
    }
}

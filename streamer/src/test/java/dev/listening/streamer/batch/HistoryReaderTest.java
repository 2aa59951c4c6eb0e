package dev.listening.streamer.batch;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HistoryReaderTest {
    private static final LocalDate DAY = LocalDate.parse("2025-03-14");
    private static SparkSession spark;
    private static Dataset<Row> keys;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("history-reader-test")
                .config("spark.sql.shuffle.partitions", "1").config("spark.ui.enabled", "false")
                .config("spark.sql.datetime.java8API.enabled", "true").getOrCreate();
        StructType key = new StructType().add("name", DataTypes.StringType).add("date", DataTypes.DateType)
                .add("hour", DataTypes.IntegerType);
        keys = spark.createDataFrame(List.of(RowFactory.create("Ada", DAY, 0), RowFactory.create("Ada", DAY, 23),
                RowFactory.create("Liam", DAY, 23), RowFactory.create("Ada", DAY.plusDays(1), 0),
                RowFactory.create("Ada", DAY.minusDays(1), 23)), key);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aDateKeepsEveryHourOfThatDateOnly() {
        assertEquals(3, HistoryReader.dayAndHour(keys, DAY, OptionalInt.empty()).count());
    }

    @Test
    void anHourKeepsThatHourOfThatDateOnly() {
        assertEquals(2, HistoryReader.dayAndHour(keys, DAY, OptionalInt.of(23)).count());
    }
}

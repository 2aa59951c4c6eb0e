package dev.listening.streamer.plan;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import dev.listening.contract.SongColumn;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;

/**
 * The song catalogue (data/spotify-songs.csv) as a DataFrame with the listening_history column
 * names of {@link SongColumn}: one row per (song, artists), so joining on it never multiplies an event.
 */
public final class Songs {
    private Songs() {
    }

    /**
     * Reads the CSV with Spark's reader. The file quotes every field and doubles embedded quotes
     * ({@code ""Barbie""}), so quote and escape are both {@code "}; the header must match the
     * contract's column names (enforceSchema false), and a malformed line fails the load (FAILFAST)
     * instead of becoming a silently wrong song.
     */
    public static Dataset<Row> load(SparkSession spark, String path) {
        Dataset<Row> csv = spark.read()
                .schema(csvSchema())
                .option("header", true)
                .option("enforceSchema", false)
                .option("multiLine", false)
                .option("quote", "\"")
                .option("escape", "\"")
                .option("encoding", "UTF-8")
                .option("mode", "FAILFAST")
                .csv(path);
        return catalogue(csv);
    }

    /** CSV rows (CSV header names) to catalogue rows: renamed, rows without a song or artists dropped, deduplicated. */
    public static Dataset<Row> catalogue(Dataset<Row> csvRows) {
        Column[] renamed = Arrays.stream(SongColumn.values())
                .map(c -> col(c.csvHeader()).as(c.column()))
                .toArray(Column[]::new);
        Column identified = Arrays.stream(SongColumn.values())
                .filter(SongColumn::isKey)
                .map(c -> col(c.column()).isNotNull().and(trim(col(c.column())).notEqual("")))
                .reduce(Column::and)
                .orElseThrow();
        return csvRows.select(renamed)
                .where(identified)
                .dropDuplicates(keyColumns());
    }

    static String[] keyColumns() {
        return Arrays.stream(SongColumn.values()).filter(SongColumn::isKey).map(SongColumn::column).toArray(String[]::new);
    }

    static StructType csvSchema() {
        StructType schema = new StructType();
        for (SongColumn column : SongColumn.values()) {
            schema = schema.add(column.csvHeader(), SparkTypes.of(column.type()), true);
        }
        return schema;
    }
}

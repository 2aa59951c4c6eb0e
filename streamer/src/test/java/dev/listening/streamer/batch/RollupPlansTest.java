package dev.listening.streamer.batch;

import dev.listening.contract.RollupColumn;
import dev.listening.contract.SongColumn;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RollupPlansTest {
    private static final LocalDate DAY = LocalDate.parse("2025-03-14");
    private static SparkSession spark;
    private static Dataset<Row> history;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("rollup-plans-test")
                .config("spark.sql.shuffle.partitions", "1").config("spark.ui.enabled", "false")
                .config("spark.sql.datetime.java8API.enabled", "true").getOrCreate();
        // Ada at 20: Flowers twice, Cruel Summer, and a song not in the catalogue; Ada at 21 and Liam at 20 once each.
        history = plays(
                play("Ada", 20, "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play("Ada", 20, "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play("Ada", 20, "Cruel Summer", "Taylor Swift", 178_000L, 1.0, 0.75, 130.0, 0.5, 0.0),
                play("Ada", 20, "Unreleased Demo", "Garage Band", null),
                play("Ada", 21, "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play("Liam", 20, "Unreleased Demo", "Garage Band", null));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aListenerHourSumsItsPlaysAndOnlyTheFeaturesOfFoundSongs() {
        Row ada = only(RollupPlans.listenerHourly(history), "name = 'Ada' AND hour = 20");
        assertEquals(4L, (long) ada.getAs(RollupColumn.PLAYS));
        assertEquals(3L, (long) ada.getAs(RollupColumn.PLAYS_WITH_FEATURES));
        assertEquals(578_000L, (long) ada.getAs(RollupColumn.SUM_DURATION_MS));
        assertEquals(330.0, (double) ada.getAs(RollupColumn.sum(SongColumn.TEMPO)), 1e-9);
        Row liam = only(RollupPlans.listenerHourly(history), "name = 'Liam'");
        assertEquals(0L, (long) liam.getAs(RollupColumn.SUM_DURATION_MS));
        assertEquals(0.0, (double) liam.getAs(RollupColumn.sum(SongColumn.TEMPO)), 1e-9);
    }

    @Test
    void aListenerSongHourCountsEachSongApart() {
        Row flowers = only(RollupPlans.listenerSongHourly(history), "name = 'Ada' AND hour = 20 AND song = 'Flowers'");
        assertEquals(2L, (long) flowers.getAs(RollupColumn.PLAYS));
    }

    @Test
    void anHourAddsItsListenersAndAveragesOnlyPlaysWithFeatures() {
        Row hour = only(RollupPlans.hourTotals(RollupPlans.listenerHourly(history)), "hour = 20");
        assertEquals(5L, (long) hour.getAs(RollupColumn.PLAYS));
        assertEquals(2L, (long) hour.getAs(RollupColumn.LISTENERS));
        assertEquals(3L, (long) hour.getAs(RollupColumn.PLAYS_WITH_FEATURES));
        assertEquals(110.0, (double) hour.getAs(RollupColumn.average(SongColumn.TEMPO)), 1e-9);
    }

    @Test
    void anHourOfSongsNotInTheCatalogueHasNoAverages() {
        Dataset<Row> unknown = plays(play("Liam", 5, "Unreleased Demo", "Garage Band", null));
        Row hour = only(RollupPlans.hourTotals(RollupPlans.listenerHourly(unknown)), "hour = 5");
        assertNull(hour.getAs(RollupColumn.average(SongColumn.TEMPO)));
    }

    @Test
    void anHoursSongPlaysAddUpItsListeners() {
        Dataset<Row> songs = RollupPlans.hourSongs(RollupPlans.listenerSongHourly(history));
        assertEquals(2L, (long) only(songs, "hour = 20 AND song = 'Unreleased Demo'").getAs(RollupColumn.SONG_PLAYS));
        assertEquals(2L, (long) only(songs, "hour = 20 AND song = 'Flowers'").getAs(RollupColumn.SONG_PLAYS));
    }

    @Test
    void eachSongRowOfAnHourCarriesTheHoursTotals() {
        Dataset<Row> byHour = RollupPlans.listeningByHour(RollupPlans.listenerHourly(history), RollupPlans.listenerSongHourly(history));
        Row flowers = only(byHour, "hour = 20 AND song = 'Flowers'");
        assertEquals(2L, (long) flowers.getAs(RollupColumn.SONG_PLAYS));
        assertEquals(5L, (long) flowers.getAs(RollupColumn.PLAYS));
        assertEquals(3, byHour.where("hour = 20").count());
    }

    @Test
    void aListenerDayAddsItsHours() {
        Row ada = only(RollupPlans.listenerDaily(RollupPlans.listenerHourly(history)), "name = 'Ada'");
        assertEquals(5L, (long) ada.getAs(RollupColumn.PLAYS));
        assertEquals(4L, (long) ada.getAs(RollupColumn.PLAYS_WITH_FEATURES));
        assertEquals(778_000 / 60_000.0, (double) ada.getAs(RollupColumn.MINUTES_LISTENED), 1e-9);
        assertEquals(0.625, (double) ada.getAs(RollupColumn.average(SongColumn.DANCEABILITY)), 1e-9);
    }

    private static Row only(Dataset<Row> rows, String condition) {
        List<Row> found = rows.where(condition).collectAsList();
        assertEquals(1, found.size(), condition);
        return found.get(0);
    }

    private static Object[] play(String name, int hour, String song, String artists, Long durationMs, double... features) {
        List<Object> values = new ArrayList<>(List.of(name, DAY, hour, song, artists));
        values.add(durationMs);
        for (int i = 0; i < RollupColumn.AVERAGED.size(); i++) {
            values.add(durationMs == null ? null : features[i]);
        }
        return values.toArray();
    }

    private static Dataset<Row> plays(Object[]... rows) {
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField(RollupPlans.NAME, DataTypes.StringType, false),
                DataTypes.createStructField(RollupPlans.DATE, DataTypes.DateType, false),
                DataTypes.createStructField(RollupPlans.HOUR, DataTypes.IntegerType, false),
                DataTypes.createStructField(RollupPlans.SONG, DataTypes.StringType, false),
                DataTypes.createStructField(RollupPlans.ARTISTS, DataTypes.StringType, false),
                DataTypes.createStructField(SongColumn.DURATION_MS.column(), DataTypes.LongType, true)));
        RollupColumn.AVERAGED.forEach(f -> fields.add(DataTypes.createStructField(f.column(), DataTypes.DoubleType, true)));
        List<Row> data = new ArrayList<>();
        for (Object[] row : rows) {
            data.add(RowFactory.create(row));
        }
        return spark.createDataFrame(data, new StructType(fields.toArray(StructField[]::new)));
    }
}

package dev.listening.streamer.batch;

import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.RollupColumn;
import dev.listening.contract.SongColumn;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * The four rollup tables as pure DataFrame functions of listening_history rows, for a rebuild, and the
 * formulas the streaming rollups share ({@link #playSums}, {@link #hourTotalsOf}, {@link #listenerDailyOf}):
 * a play has features when its song was found, i.e. its duration_ms is set; averages are over those plays only.
 */
public final class RollupPlans {
    public static final String NAME = EventField.NAME.jsonName();
    public static final String SONG = EventField.SONG.jsonName();
    public static final String ARTISTS = EventField.ARTISTS.jsonName();
    public static final String DATE = HistoryColumn.DATE;
    public static final String HOUR = HistoryColumn.HOUR;
    private static final double MILLIS_PER_MINUTE = 60_000.0;

    private RollupPlans() {
    }

    /**
     * What a listener-hour keeps, as aggregates over plays: plays, plays_with_features, sum_duration_ms and
     * each feature's sum (features of found songs only; 0 when none). The streaming rollups keep the same.
     */
    public static Column[] playSums() {
        Column found = col(SongColumn.DURATION_MS.column()).isNotNull();
        List<Column> sums = new ArrayList<>(List.of(
                count(lit(1)).as(RollupColumn.PLAYS),
                count(when(found, lit(1))).as(RollupColumn.PLAYS_WITH_FEATURES),
                zeroIfNone(sum(col(SongColumn.DURATION_MS.column()))).as(RollupColumn.SUM_DURATION_MS)));
        for (SongColumn feature : RollupColumn.AVERAGED) {
            sums.add(zeroIfNone(sum(when(found, col(feature.column())))).as(RollupColumn.sum(feature)));
        }
        return sums.toArray(Column[]::new);
    }

    /** listener_hourly: a listener's date/hour as sums. */
    public static Dataset<Row> listenerHourly(Dataset<Row> history) {
        Column[] sums = playSums();
        return history.groupBy(col(DATE), col(HOUR), col(NAME)).agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length));
    }

    /** listener_song_hourly: a listener's plays of each song in a date/hour. */
    public static Dataset<Row> listenerSongHourly(Dataset<Row> history) {
        return history.groupBy(col(DATE), col(HOUR), col(SONG), col(ARTISTS), col(NAME))
                .agg(count(lit(1)).as(RollupColumn.PLAYS));
    }

    /** listening_by_hour's static columns: a date/hour's totals and averages, from its listener_hourly rows. */
    public static Dataset<Row> hourTotals(Dataset<Row> listenerHourly) {
        return hourTotalsOf(listenerHourly.groupBy(col(DATE), col(HOUR)).agg(
                sum(col(RollupColumn.PLAYS)).as(RollupColumn.PLAYS),
                featureSums(countDistinct(col(NAME)).as(RollupColumn.LISTENERS))));
    }

    /** listening_by_hour's static columns from each date/hour's plays, listeners and feature sums. */
    public static Dataset<Row> hourTotalsOf(Dataset<Row> hourSums) {
        return withAverages(hourSums, List.of(DATE, HOUR, RollupColumn.PLAYS, RollupColumn.LISTENERS, RollupColumn.PLAYS_WITH_FEATURES));
    }

    /** listening_by_hour's rows: each song's plays in a date/hour, from its listener_song_hourly rows. */
    public static Dataset<Row> hourSongs(Dataset<Row> listenerSongHourly) {
        return listenerSongHourly.groupBy(col(DATE), col(HOUR), col(SONG), col(ARTISTS))
                .agg(sum(col(RollupColumn.PLAYS)).as(RollupColumn.SONG_PLAYS));
    }

    /**
     * listening_by_hour: each song's row with its hour's totals beside it. The connector writes no row
     * without its clustering columns, so the static columns go with every song row, each time the same values.
     */
    public static Dataset<Row> listeningByHour(Dataset<Row> listenerHourly, Dataset<Row> listenerSongHourly) {
        return hourSongs(listenerSongHourly).join(hourTotals(listenerHourly),
                CollectionConverters.asScala(List.of(DATE, HOUR)).toSeq());
    }

    /** listener_daily: a listener's day, from the listener's listener_hourly rows of that date. */
    public static Dataset<Row> listenerDaily(Dataset<Row> listenerHourly) {
        return listenerDailyOf(listenerHourly.groupBy(col(DATE), col(NAME)).agg(
                sum(col(RollupColumn.PLAYS)).as(RollupColumn.PLAYS),
                featureSums(sum(col(RollupColumn.SUM_DURATION_MS)).as(RollupColumn.SUM_DURATION_MS))));
    }

    /** listener_daily from each listener-day's sums (the columns of {@link #playSums}). */
    public static Dataset<Row> listenerDailyOf(Dataset<Row> daySums) {
        return withAverages(daySums.withColumn(RollupColumn.MINUTES_LISTENED,
                        col(RollupColumn.SUM_DURATION_MS).divide(MILLIS_PER_MINUTE)),
                List.of(DATE, NAME, RollupColumn.PLAYS, RollupColumn.PLAYS_WITH_FEATURES, RollupColumn.MINUTES_LISTENED));
    }

    /** {@code first}, plays_with_features and each feature's sum, for an aggregation over listener_hourly rows. */
    private static Column[] featureSums(Column first) {
        List<Column> sums = new ArrayList<>(List.of(first, sum(col(RollupColumn.PLAYS_WITH_FEATURES)).as(RollupColumn.PLAYS_WITH_FEATURES)));
        RollupColumn.AVERAGED.forEach(f -> sums.add(sum(col(RollupColumn.sum(f))).as(RollupColumn.sum(f))));
        return sums.toArray(Column[]::new);
    }

    /** {@code kept} and one average per feature, null when no play had features (written as unset, not as null). */
    private static Dataset<Row> withAverages(Dataset<Row> sums, List<String> kept) {
        List<Column> columns = new ArrayList<>(kept.stream().map(c -> col(c)).toList());
        Column withFeatures = col(RollupColumn.PLAYS_WITH_FEATURES);
        RollupColumn.AVERAGED.forEach(f -> columns.add(when(withFeatures.gt(0),
                col(RollupColumn.sum(f)).divide(withFeatures)).as(RollupColumn.average(f))));
        return sums.select(columns.toArray(Column[]::new));
    }

    private static Column zeroIfNone(Column sum) {
        return coalesce(sum, lit(0));
    }
}

package dev.listening.streamer.rollup;

import dev.listening.contract.EventField;
import dev.listening.contract.RollupColumn;
import dev.listening.streamer.batch.RollupPlans;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.window;

/**
 * The rollups as one stateful streaming aggregation over listening_history rows: each event, once
 * (deduplicated by event_id within the watermark), is added to the sums of its listener-song-hour,
 * listener-hour, song-hour, hour and listener-day ({@link Level}), kept in Spark's state store. In update
 * mode a batch emits the full values of the keys its events touched, so its work follows its events, and
 * a replayed batch (recomputed from the state before it) emits the same values again.
 *
 * <p>Events older than the watermark (the newest event time seen, minus the allowed lateness) are dropped
 * here, counted by Spark as rows dropped by the watermark; listening_history still stores them.
 */
public final class RollupStream {
    /** Which rollup a row of {@link #aggregate} belongs to. */
    public enum Level {
        LISTENER_SONG_HOUR(true, true, true),
        LISTENER_HOUR(true, false, true),
        SONG_HOUR(true, true, false),
        HOUR(true, false, false),
        LISTENER_DAY(false, false, true);

        private final boolean hour;
        private final boolean song;
        private final boolean name;

        Level(boolean hour, boolean song, boolean name) {
            this.hour = hour;
            this.song = song;
            this.name = name;
        }
    }

    static final String LEVEL = "_level";
    static final String DAY = "_day";
    static final String LISTENER_NAMES = "_listener_names";
    private static final String TS = EventField.TS.jsonName();

    private RollupStream() {
    }

    /**
     * Per key touched (a {@link #LEVEL}, the UTC day, and the date, hour, song, artists and name its level
     * keeps, the others null): the {@link RollupPlans#playSums} of its plays and, for an hour, its
     * listeners' names. The day (a window of the event time) keys the state, so Spark drops a day's state
     * once the watermark has passed it.
     */
    public static Dataset<Row> aggregate(Dataset<Row> history, Duration lateness) {
        Column level = col(LEVEL);
        Dataset<Row> once = history.withWatermark(TS, lateness.toMillis() + " milliseconds")
                .dropDuplicatesWithinWatermark(EventField.EVENT_ID.jsonName());
        Dataset<Row> perLevel = once.withColumn(LEVEL, explode(array(Arrays.stream(Level.values())
                .map(l -> lit(l.ordinal())).toArray(Column[]::new))));
        Column[] sums = RollupPlans.playSums();
        List<Column> aggregates = new ArrayList<>(Arrays.asList(sums).subList(1, sums.length));
        aggregates.add(collect_set(when(level.equalTo(Level.HOUR.ordinal()), col(RollupPlans.NAME))).as(LISTENER_NAMES));
        return perLevel.groupBy(level, window(col(TS), "1 day").as(DAY), col(RollupPlans.DATE),
                        keptBy(l -> l.hour, RollupPlans.HOUR), keptBy(l -> l.song, RollupPlans.SONG),
                        keptBy(l -> l.song, RollupPlans.ARTISTS), keptBy(l -> l.name, RollupPlans.NAME))
                .agg(sums[0], aggregates.toArray(Column[]::new));
    }

    /** listener_song_hourly rows of the touched keys. */
    public static Dataset<Row> listenerSongHourly(Dataset<Row> touched) {
        return of(touched, Level.LISTENER_SONG_HOUR).select(col(RollupPlans.DATE), col(RollupPlans.HOUR), col(RollupPlans.SONG),
                col(RollupPlans.ARTISTS), col(RollupPlans.NAME), col(RollupColumn.PLAYS));
    }

    /** listener_hourly rows of the touched keys. */
    public static Dataset<Row> listenerHourly(Dataset<Row> touched) {
        List<Column> columns = new ArrayList<>(List.of(col(RollupPlans.DATE), col(RollupPlans.HOUR), col(RollupPlans.NAME)));
        columns.addAll(sumColumns());
        return of(touched, Level.LISTENER_HOUR).select(columns.toArray(Column[]::new));
    }

    /** listening_by_hour's song rows of the touched keys. */
    public static Dataset<Row> hourSongs(Dataset<Row> touched) {
        return of(touched, Level.SONG_HOUR).select(col(RollupPlans.DATE), col(RollupPlans.HOUR), col(RollupPlans.SONG),
                col(RollupPlans.ARTISTS), col(RollupColumn.PLAYS).as(RollupColumn.SONG_PLAYS));
    }

    /** listening_by_hour's static columns of the touched hours. */
    public static Dataset<Row> hourTotals(Dataset<Row> touched) {
        return RollupPlans.hourTotalsOf(of(touched, Level.HOUR)
                .withColumn(RollupColumn.LISTENERS, size(col(LISTENER_NAMES)).cast("bigint")));
    }

    /** listener_daily rows of the touched listener-days. */
    public static Dataset<Row> listenerDaily(Dataset<Row> touched) {
        List<Column> columns = new ArrayList<>(List.of(col(RollupPlans.DATE), col(RollupPlans.NAME)));
        columns.addAll(sumColumns());
        return RollupPlans.listenerDailyOf(of(touched, Level.LISTENER_DAY).select(columns.toArray(Column[]::new)));
    }

    /** The columns {@link RollupPlans#playSums} names. */
    private static List<Column> sumColumns() {
        List<Column> columns = new ArrayList<>(List.of(col(RollupColumn.PLAYS), col(RollupColumn.PLAYS_WITH_FEATURES),
                col(RollupColumn.SUM_DURATION_MS)));
        RollupColumn.AVERAGED.forEach(f -> columns.add(col(RollupColumn.sum(f))));
        return columns;
    }

    private static Dataset<Row> of(Dataset<Row> touched, Level level) {
        return touched.where(col(LEVEL).equalTo(level.ordinal()));
    }

    private static Column keptBy(Predicate<Level> keeps, String column) {
        Object[] levels = Arrays.stream(Level.values()).filter(keeps).map(Level::ordinal).toArray();
        return when(col(LEVEL).isin(levels), col(column)).as(column);
    }
}

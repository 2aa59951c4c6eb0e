package dev.listening.contract;

import java.util.List;

/**
 * Columns of the rollup tables (listening_by_hour, listener_daily, and the parts they are summed from,
 * listener_hourly and listener_song_hourly) besides the key columns they share with listening_history
 * ({@link HistoryColumn#DATE}, {@link HistoryColumn#HOUR}, name, song, artists). Averages skip plays
 * without song features, so each table also keeps how many plays had them.
 */
public final class RollupColumn {
    public static final String PLAYS = "plays";
    public static final String PLAYS_WITH_FEATURES = "plays_with_features";
    /** Distinct listeners of a date/hour. */
    public static final String LISTENERS = "listeners";
    /** Plays of one song in a date/hour (a clustering row of listening_by_hour). */
    public static final String SONG_PLAYS = "song_plays";
    /** A listener's day: the sum of the durations of the songs played, in minutes (songs without features count 0). */
    public static final String MINUTES_LISTENED = "minutes_listened";

    /** A listener-hour: the sum of the durations of the songs played, in ms (songs without features count 0). */
    public static final String SUM_DURATION_MS = "sum_duration_ms";

    /** The features both rollups average, each in column {@link #average}. */
    public static final List<SongColumn> AVERAGED = List.of(SongColumn.DANCEABILITY, SongColumn.ENERGY,
            SongColumn.TEMPO, SongColumn.ACOUSTICNESS, SongColumn.VALENCE);

    private RollupColumn() {
    }

    /** avg_danceability for danceability, and so on. */
    public static String average(SongColumn feature) {
        return "avg_" + feature.column();
    }

    /** sum_danceability for danceability, and so on: what a listener-hour keeps so that hours and days add up exactly. */
    public static String sum(SongColumn feature) {
        return "sum_" + feature.column();
    }
}

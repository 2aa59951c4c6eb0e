package dev.listening.contract;

/** Names every stage agrees on. The CQL schema in cql/create_db.cql uses the same names. */
public final class Names {
    public static final String TOPIC = "listening-events";
    public static final String KEYSPACE = "spotify";
    public static final String HISTORY_TABLE = "listening_history";
    public static final String DEAD_LETTER_TABLE = "listening_dead_letter";
    /** Rollup of one UTC date/hour: totals and averages (static columns), plays per song (rows). */
    public static final String BY_HOUR_TABLE = "listening_by_hour";
    /** Rollup of one listener's UTC day. */
    public static final String LISTENER_DAILY_TABLE = "listener_daily";
    /** A listener's UTC date/hour, summed up: the part the hour's and the day's rollups are summed from. */
    public static final String LISTENER_HOURLY_TABLE = "listener_hourly";
    /** A listener's plays of one song in a UTC date/hour: the part an hour's plays of that song are summed from. */
    public static final String LISTENER_SONG_HOURLY_TABLE = "listener_song_hourly";

    private Names() {
    }
}

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
    /** Which listeners played in a UTC date/hour: the index the hourly rollup is recomputed from. */
    public static final String LISTENERS_BY_HOUR_TABLE = "listeners_by_hour";

    private Names() {
    }
}

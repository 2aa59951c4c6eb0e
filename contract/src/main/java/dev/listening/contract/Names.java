package dev.listening.contract;

/** Names every stage agrees on. The CQL schema in cql/create_db.cql uses the same names. */
public final class Names {
    public static final String TOPIC = "listening-events";
    public static final String KEYSPACE = "spotify";
    public static final String HISTORY_TABLE = "listening_history";
    public static final String DEAD_LETTER_TABLE = "listening_dead_letter";

    private Names() {
    }
}

package dev.listening.streamer.sink;

import dev.listening.contract.CqlFile;

import java.util.Locale;

/**
 * Every statement the streamer sends, each a file of cql/statements/ named like the constant (the
 * job jar ships the directory). The files name their tables with the default keyspace, swapped here
 * for the stream's.
 */
public enum StatementFile {
    LISTENING_HISTORY_INSERT,
    LISTENING_DEAD_LETTER_INSERT,
    LISTENER_HOURLY_INSERT,
    LISTENER_SONG_HOURLY_INSERT,
    LISTENING_BY_HOUR_INSERT_TOTALS,
    LISTENING_BY_HOUR_INSERT_SONG,
    LISTENER_DAILY_INSERT,
    SYSTEM_LOCAL_SELECT;

    public String resource() {
        return "cql/statements/" + name().toLowerCase(Locale.ROOT) + ".cql";
    }

    public CqlFile load() {
        return CqlFile.classpath(resource());
    }

    /** The statement's text, run on {@code keyspace}. */
    public String cql(String keyspace) {
        return load().inKeyspace(keyspace).cql();
    }
}

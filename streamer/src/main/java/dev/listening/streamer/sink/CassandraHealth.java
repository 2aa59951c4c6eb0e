package dev.listening.streamer.sink;

/** What retrying a write needs to know about Cassandra, and the one thing it may do about it. */
public interface CassandraHealth {
    /** Whether Cassandra answers a trivial query right now. */
    boolean answers();

    /** Drops the cached driver sessions, so the next write connects afresh. */
    void reconnect();
}

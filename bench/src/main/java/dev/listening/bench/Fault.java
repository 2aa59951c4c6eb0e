package dev.listening.bench;

/** A fault {@code bench faults} injects: a SIGKILL, then a restart of what it killed on the same data. */
public enum Fault {
    /** The streaming job; restarted on its checkpoint. */
    STREAMER("streaming job"),
    /** The Cassandra node; restarted on its data and commit log. */
    CASSANDRA("Cassandra node"),
    /** The Kafka broker; restarted on its log. */
    KAFKA("Kafka broker");

    private final String what;

    Fault(String what) {
        this.what = what;
    }

    public String what() {
        return what;
    }
}

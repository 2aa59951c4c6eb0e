package dev.listening.bench;

/** A fault {@code bench faults} injects: a SIGKILL, then a restart of what it killed on the same data. */
public enum Fault {
    /** The streaming job; restarted on its checkpoint. */
    STREAMER("streaming job"),
    /** The Cassandra node, or on a cluster the ring's first node (its seed); restarted on its data and commit log. */
    CASSANDRA("Cassandra node"),
    /** The Kafka broker; restarted on its log. */
    KAFKA("Kafka broker"),
    /** Cluster mode: another node of the ring; restarted on its data and commit log. */
    RING_NODE("other ring node"),
    /** Cluster mode: a Spark worker, and with it the job's executor on it; restarted, it offers a new executor. */
    SPARK_WORKER("Spark worker");

    private final String what;

    Fault(String what) {
        this.what = what;
    }

    public String what() {
        return what;
    }
}

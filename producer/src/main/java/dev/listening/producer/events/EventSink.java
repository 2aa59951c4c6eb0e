package dev.listening.producer.events;

/**
 * Where a run's events go (Kafka, a file), counting each one's outcome: every event sent ends up
 * acknowledged or failed, none is dropped silently.
 */
public interface EventSink extends AutoCloseable {
    void send(String key, byte[] json);

    /** Waits until every event sent so far is acknowledged or failed. */
    void flush();

    long sent();

    long acknowledged();

    long failed();

    /** Why the first event failed, or null. */
    Exception firstFailure();

    @Override
    void close();
}

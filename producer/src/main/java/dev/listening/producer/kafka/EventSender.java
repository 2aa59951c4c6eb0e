package dev.listening.producer.kafka;

import dev.listening.contract.UserError;
import dev.listening.contract.kafka.KafkaClient;
import dev.listening.producer.events.EventSink;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends JSON events keyed by user_id (one listener's plays stay in order on one partition) and counts
 * the broker's answers: every record sent ends up acknowledged or failed, none is dropped silently.
 */
public final class EventSender implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(EventSender.class);
    /** Failures logged with their cause; later ones are only counted (the first say why). */
    private static final int LOGGED_FAILURES = 5;

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private long sent;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final Callback delivery = this::delivered;

    /** Opens the producer and fetches the topic's metadata, so the first send does not wait for it. */
    public EventSender(KafkaClient kafka, String topic, Duration maxBlock) {
        this.producer = new KafkaProducer<>(ProducerSettings.producer(kafka, maxBlock));
        this.topic = topic;
        try {
            producer.partitionsFor(topic);
        } catch (KafkaException e) {
            producer.close(Duration.ZERO);
            throw new UserError("no metadata for topic " + topic + " from " + kafka.bootstrap() + ": " + e.getMessage(), e);
        }
    }

    /** Hands one record to the producer; it is batched and sent in the background. */
    @Override
    public void send(String userId, byte[] json) {
        producer.send(new ProducerRecord<>(topic, userId, json), delivery);
        sent++;
    }

    /** Waits until every record sent so far is acknowledged or failed. */
    @Override
    public void flush() {
        producer.flush();
    }

    private void delivered(RecordMetadata metadata, Exception exception) {
        if (exception == null) {
            acknowledged.incrementAndGet();
            return;
        }
        long failures = failed.incrementAndGet();
        firstFailure.compareAndSet(null, exception);
        if (failures <= LOGGED_FAILURES) {
            LOG.warn("event not delivered to {}: {}{}", topic, exception.toString(),
                    failures == LOGGED_FAILURES ? " (further failures are counted, not logged)" : "");
        }
    }

    @Override
    public long sent() {
        return sent;
    }

    @Override
    public long acknowledged() {
        return acknowledged.get();
    }

    @Override
    public long failed() {
        return failed.get();
    }

    @Override
    public Exception firstFailure() {
        return firstFailure.get();
    }

    @Override
    public void close() {
        producer.close(ProducerSettings.DELIVERY_TIMEOUT);
    }
}

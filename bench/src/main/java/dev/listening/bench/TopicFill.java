package dev.listening.bench;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.UserError;
import dev.listening.producer.events.EventGenerator;
import dev.listening.producer.events.WireEvent;
import dev.listening.producer.kafka.EventSender;
import dev.listening.producer.kafka.ProducerSettings;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Producer events made ahead and sent into a benchmark's topic before anything is measured. */
final class TopicFill {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFill.class);

    private TopicFill() {
    }

    /** One event per millisecond from {@code firstTs}, like the producer at --rate max. */
    static List<ListeningEvent> events(EventGenerator generator, long firstTs, long count) {
        List<ListeningEvent> events = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            events.add(generator.next(firstTs + i));
        }
        return events;
    }

    /** Sends the events as the producer does (keyed by user_id, the producer's settings) and waits for every ack. */
    static void fill(String bootstrap, String topic, List<ListeningEvent> events, Duration requestTimeout) {
        LOG.info("filling topic {} with {} events", topic, events.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ProducerSettings.producer(bootstrap, requestTimeout))) {
            for (ListeningEvent event : events) {
                producer.send(new ProducerRecord<>(topic, event.userId(), EventJson.toBytes(event)), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("filling " + topic + " failed: " + failure.get().getMessage(), failure.get());
        }
    }

    /**
     * {@code count} events {@code stepMs} apart from {@code firstTs}, in time order, through the producer's own
     * sender, waiting for every ack; a UserError if any was refused.
     */
    static void sendSpaced(EventSender sender, String topic, EventGenerator generator, long firstTs, long stepMs, long count) {
        for (long i = 0; i < count; i++) {
            WireEvent wire = WireEvent.of(generator.next(firstTs + i * stepMs));
            sender.send(wire.key(), wire.json());
        }
        sender.flush();
        if (sender.failed() > 0) {
            throw new UserError(sender.failed() + " events could not be written to " + topic);
        }
    }
}

package dev.listening.dashboard.live;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.kafka.KafkaClient;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topic as the dashboard sees it: the sum of its partitions' end offsets (events produced) and
 * its newest records (the latest plays). One consumer without a group, used by one thread; every call
 * has a deadline, so a broker that is down costs a timeout, never a hang.
 */
public final class TopicWatch implements AutoCloseable {
    private final String topic;
    private final Duration timeout;
    private final KafkaConsumer<byte[], byte[]> consumer;

    public TopicWatch(KafkaClient kafka, String topic, Duration timeout) {
        this.topic = topic;
        this.timeout = timeout;
        int millis = Math.toIntExact(timeout.toMillis());
        this.consumer = new KafkaConsumer<>(kafka.properties(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "pipeline-dashboard",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The topic's partitions; none while it does not exist. */
    public List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        return infos == null ? List.of() : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    public Map<TopicPartition, Long> endOffsets(List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions, timeout);
    }

    /** Up to {@code n} of the newest records, newest event first; records that are not events are left out. */
    public List<Play> latest(List<TopicPartition> partitions, Map<TopicPartition, Long> ends, int n) {
        Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout);
        consumer.assign(partitions);
        long wanted = 0;
        for (TopicPartition partition : partitions) {
            long from = Math.max(begins.get(partition), ends.get(partition) - n);
            consumer.seek(partition, from);
            wanted += ends.get(partition) - from;
        }
        List<ListeningEvent> events = new ArrayList<>();
        long read = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (read < wanted && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                read++;
                event(record).ifPresent(events::add);
            }
        }
        return events.stream()
                .sorted(Comparator.comparingLong(ListeningEvent::ts).reversed())
                .limit(n)
                .map(Play::of)
                .toList();
    }

    private static Optional<ListeningEvent> event(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            ListeningEvent event = EventJson.fromBytes(record.value());
            return event.name() == null || event.song() == null ? Optional.empty() : Optional.of(event);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(timeout));
    }
}

package dev.listening.verify;

import dev.listening.contract.UserError;
import dev.listening.contract.kafka.KafkaClient;
import dev.listening.producer.run.Progress;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic's records between two offset positions (default: the beginning and the end as they
 * are when reading starts), without a consumer group, so verifying never moves anyone's offsets.
 */
public final class TopicReader {
    private final KafkaClient kafka;
    private final String bootstrap;
    private final Duration timeout;
    private final boolean showProgress;

    public TopicReader(String bootstrap, Duration timeout) {
        this(KafkaClient.of(bootstrap), timeout);
    }

    /** Through {@code kafka}'s client properties. */
    public TopicReader(KafkaClient kafka, Duration timeout) {
        this(kafka, timeout, false);
    }

    private TopicReader(KafkaClient kafka, Duration timeout, boolean showProgress) {
        this.kafka = kafka;
        this.bootstrap = kafka.bootstrap();
        this.timeout = timeout;
        this.showProgress = showProgress;
    }

    /** The same reader, showing its {@link Progress} through a read: for a command a person waits on, not for a poll loop. */
    public TopicReader showingProgress() {
        return new TopicReader(kafka, timeout, true);
    }

    /** Current end offsets per partition: what a later read can take as its start. */
    public Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            return byPartition(consumer.endOffsets(assigned(consumer, topic), timeout));
        } catch (TimeoutException e) {
            throw unreachable(e);
        }
    }

    /**
     * @param from start offsets by partition (missing partitions: the beginning)
     * @param to   end offsets by partition, exclusive (missing partitions: the current end)
     */
    public List<RecordRef> read(String topic, Map<Integer, Long> from, Map<Integer, Long> to) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = assigned(consumer, topic);
            Map<Integer, Long> start = byPartition(consumer.beginningOffsets(partitions, timeout));
            Map<Integer, Long> end = byPartition(consumer.endOffsets(partitions, timeout));
            start.replaceAll((p, o) -> Math.max(o, from.getOrDefault(p, o)));
            end.replaceAll((p, o) -> Math.min(o, to.getOrDefault(p, o)));
            partitions.forEach(tp -> consumer.seek(tp, start.get(tp.partition())));
            List<RecordRef> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout.multipliedBy(10));
            long total = start.keySet().stream().mapToLong(p -> Math.max(0, end.get(p) - start.get(p))).sum();
            try (Progress progress = showProgress ? Progress.start("reading " + topic, total, "records") : null) {
                while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp.partition()))) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new UserError("reading " + topic + " from " + bootstrap + " did not reach offsets " + end + " in time");
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < end.get(record.partition())) {
                            records.add(RecordClassifier.classify(record.partition(), record.offset(),
                                    Instant.ofEpochMilli(record.timestamp()), record.value()));
                        }
                    }
                    if (progress != null) {
                        progress.stepTo(records.size());
                    }
                }
            }
            return records;
        } catch (TimeoutException e) {
            throw unreachable(e);
        }
    }

    /**
     * The topic's partitions, assigned to the consumer before their offsets are listed: the client keeps
     * the high watermarks of assigned partitions only, and kafka-clients 4.3 warned "Not updating high
     * watermark ... as it is no longer assigned" for every other one, at each verify.
     */
    private List<TopicPartition> assigned(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new UserError("topic " + topic + " does not exist on " + bootstrap);
        }
        List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
        consumer.assign(partitions);
        return partitions;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = kafka.properties(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()));
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
        Map<Integer, Long> result = new HashMap<>();
        offsets.forEach((tp, o) -> result.put(tp.partition(), o));
        return result;
    }

    private UserError unreachable(TimeoutException e) {
        return new UserError("Kafka is not reachable at " + bootstrap + " (" + e.getMessage() + ")", e);
    }
}

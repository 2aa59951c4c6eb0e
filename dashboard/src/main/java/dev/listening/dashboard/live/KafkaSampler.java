package dev.listening.dashboard.live;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Once a second on its own thread: the topic's end offsets (events produced, and their rate since the
 * previous reading) and, when they moved, its newest plays. A broker that does not answer costs this
 * thread a timeout and shows Kafka as down; the rest of the page goes on.
 */
public final class KafkaSampler implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaSampler.class);
    static final int LATEST_PLAYS = 15;

    private final TopicWatch topic;
    private final String topicName;
    private final Clock clock;

    private Long previousEnd;
    private Instant previousTime;
    private Map<TopicPartition, Long> playsAt;
    private volatile Reading reading;
    private volatile List<Play> plays = List.of();
    private volatile ServiceState state = ServiceState.down("kafka", "not asked yet");

    /**
     * The topic's end offsets summed, and how fast they grew since the reading before.
     *
     * @param perSecond null for the first reading
     */
    public record Reading(Instant time, long produced, Double perSecond) {
    }

    public KafkaSampler(TopicWatch topic, String topicName, Clock clock) {
        this.topic = topic;
        this.topicName = topicName;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = topic.partitions();
            Instant now = clock.instant();
            if (partitions.isEmpty()) {
                state = ServiceState.up("kafka", "topic " + topicName + " does not exist yet");
                return;
            }
            Map<TopicPartition, Long> ends = topic.endOffsets(partitions);
            long end = ends.values().stream().mapToLong(Long::longValue).sum();
            Double perSecond = previousEnd == null ? null
                    : Math.max(0, end - previousEnd) / Math.max(0.001, Duration.between(previousTime, now).toMillis() / 1000.0);
            previousEnd = end;
            previousTime = now;
            reading = new Reading(now, end, perSecond);
            if (!ends.equals(playsAt)) {
                plays = topic.latest(partitions, ends, LATEST_PLAYS);
                playsAt = ends;
            }
            state = ServiceState.up("kafka", "topic " + topicName + ", " + partitions.size()
                    + (partitions.size() == 1 ? " partition" : " partitions"));
        } catch (RuntimeException e) {
            LOG.debug("Kafka did not answer", e);
            state = ServiceState.down("kafka", e);
            previousEnd = null;
        }
    }

    /** The last reading; null before Kafka first answered. */
    public Reading reading() {
        return reading;
    }

    public List<Play> plays() {
        return plays;
    }

    public ServiceState state() {
        return state;
    }
}

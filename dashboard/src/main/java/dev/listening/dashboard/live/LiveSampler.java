package dev.listening.dashboard.live;

import dev.listening.contract.metrics.BatchMetrics;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Once a second: the topic's end offsets and newest plays, and the streamer's new metrics records,
 * into a {@link Sample} of the timeline and the snapshot the page reads. Runs on one thread; a source
 * that fails is marked down and asked again at the next tick.
 */
public final class LiveSampler implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSampler.class);
    /** The streamer reports at least every idle trigger (10 s) or every batch; a 30 s trigger with margin. */
    static final Duration STREAMER_SILENCE = Duration.ofSeconds(75);
    static final int LATEST_PLAYS = 15;

    private final TopicWatch topic;
    private final String topicName;
    private final MetricsTail metrics;
    private final Timeline timeline;
    private final Clock clock;

    private Long previousEnd;
    private Instant previousTime;
    private Map<TopicPartition, Long> playsAt;
    private volatile StreamerTotals totals = StreamerTotals.NONE;
    private volatile Long produced;
    private volatile List<Play> plays = List.of();
    private volatile ServiceState kafka = ServiceState.down("kafka", "not asked yet");
    private volatile ServiceState streamer = ServiceState.down("streamer", "not read yet");

    public LiveSampler(TopicWatch topic, String topicName, MetricsTail metrics, Timeline timeline, Clock clock) {
        this.topic = topic;
        this.topicName = topicName;
        this.metrics = metrics;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        Double producedPerSecond = sampleKafka(now);
        StreamerTotals before = totals;
        List<BatchMetrics> records = sampleStreamer(now);
        StreamerTotals after = totals;
        double seconds = previousTime == null ? 1 : Math.max(0.001, Duration.between(previousTime, now).toMillis() / 1000.0);
        BatchMetrics last = after.last();
        timeline.add(new Sample(now.toEpochMilli(), producedPerSecond,
                records == null || previousTime == null ? null : (after.rowsStored() - before.rowsStored()) / seconds,
                last == null ? null : last.kafkaLagRecords(),
                last == null ? null : last.kafkaLagSeconds(),
                last == null || last.idle() ? null : last.durationMs() / 1000.0,
                after.freshnessSeconds(now),
                records == null ? null : after.deadLetters() - before.deadLetters(),
                records == null ? null : after.joinMisses() - before.joinMisses()));
        previousTime = now;
    }

    /** Events per second since the previous tick; null when Kafka did not answer or on the first tick. */
    private Double sampleKafka(Instant now) {
        try {
            List<TopicPartition> partitions = topic.partitions();
            if (partitions.isEmpty()) {
                kafka = ServiceState.up("kafka", "topic " + topicName + " does not exist yet");
                return null;
            }
            Map<TopicPartition, Long> ends = topic.endOffsets(partitions);
            long end = ends.values().stream().mapToLong(Long::longValue).sum();
            Double rate = previousEnd == null || previousTime == null ? null
                    : Math.max(0, end - previousEnd) / Math.max(0.001, Duration.between(previousTime, now).toMillis() / 1000.0);
            previousEnd = end;
            produced = end;
            if (!ends.equals(playsAt)) {
                plays = topic.latest(partitions, ends, LATEST_PLAYS);
                playsAt = ends;
            }
            kafka = ServiceState.up("kafka", "topic " + topicName + ", " + partitions.size()
                    + (partitions.size() == 1 ? " partition" : " partitions"));
            return rate;
        } catch (RuntimeException e) {
            LOG.debug("Kafka did not answer", e);
            kafka = ServiceState.down("kafka", e);
            previousEnd = null;
            return null;
        }
    }

    /** The records appended since the previous tick, or null when the file could not be read. */
    private List<BatchMetrics> sampleStreamer(Instant now) {
        try {
            List<BatchMetrics> records = metrics.next();
            totals = totals.plus(records);
            Duration silence = totals.silence(now);
            if (silence == null) {
                streamer = ServiceState.down("streamer", "no batch reported yet in " + metrics.file());
            } else if (silence.compareTo(STREAMER_SILENCE) > 0) {
                streamer = ServiceState.down("streamer", "no report for " + silence.toSeconds() + " s");
            } else {
                streamer = ServiceState.up("streamer", "last report " + silence.toSeconds() + " s ago, batch "
                        + totals.last().batch());
            }
            return records;
        } catch (RuntimeException e) {
            LOG.debug("cannot read {}", metrics.file(), e);
            streamer = ServiceState.down("streamer", e);
            return null;
        }
    }

    public StreamerTotals totals() {
        return totals;
    }

    /** The topic's end offsets summed, null before Kafka first answered. */
    public Long produced() {
        return produced;
    }

    public List<Play> plays() {
        return plays;
    }

    public List<ServiceState> services() {
        return List.of(kafka, streamer);
    }
}

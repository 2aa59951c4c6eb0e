package dev.listening.dashboard.live;

import dev.listening.contract.metrics.BatchMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Once a second: the streamer's new metrics records, and with the Kafka sampler's last reading a
 * {@link Sample} of the timeline. Reads only a local file, so the charts tick on while a service hangs.
 */
public final class LiveSampler implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSampler.class);
    /** The streamer reports at least every idle trigger (10 s) or every batch; a 30 s trigger with margin. */
    static final Duration STREAMER_SILENCE = Duration.ofSeconds(75);
    /** A Kafka reading older than this is not this second's rate: the chart shows a gap. */
    static final Duration KAFKA_STALE = Duration.ofSeconds(3);

    private final KafkaSampler kafka;
    private final MetricsTail metrics;
    private final Timeline timeline;
    private final Clock clock;

    private Instant previousTime;
    private volatile StreamerTotals totals = StreamerTotals.NONE;
    private volatile ServiceState streamer = ServiceState.down("streamer", "not read yet");

    public LiveSampler(KafkaSampler kafka, MetricsTail metrics, Timeline timeline, Clock clock) {
        this.kafka = kafka;
        this.metrics = metrics;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        StreamerTotals before = totals;
        List<BatchMetrics> records = sampleStreamer(now);
        StreamerTotals after = totals;
        boolean counted = records != null && previousTime != null;
        double seconds = counted ? Math.max(0.001, Duration.between(previousTime, now).toMillis() / 1000.0) : 1;
        BatchMetrics last = after.last();
        KafkaSampler.Reading reading = kafka.reading();
        boolean fresh = reading != null && Duration.between(reading.time(), now).compareTo(KAFKA_STALE) <= 0;
        timeline.add(new Sample(now.toEpochMilli(), fresh ? reading.perSecond() : null,
                counted ? (after.rowsStored() - before.rowsStored()) / seconds : null,
                last == null ? null : last.kafkaLagRecords(),
                last == null ? null : last.kafkaLagSeconds(),
                last == null || last.idle() ? null : last.durationMs() / 1000.0,
                after.freshnessSeconds(now),
                counted ? after.deadLetters() - before.deadLetters() : null,
                counted ? after.joinMisses() - before.joinMisses() : null));
        previousTime = now;
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

    public ServiceState state() {
        return streamer;
    }
}

package dev.listening.streamer;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.KafkaClient;

import java.time.Duration;
import java.util.Set;

/** The streamer's settings, validated before anything connects. */
public record StreamerConfig(
        KafkaClient kafka,
        String topic,
        String cassandra,
        String datacenter,
        String keyspace,
        DefaultConsistencyLevel consistency,
        String songs,
        Duration trigger,
        long maxOffsetsPerTrigger,
        int minPartitions,
        String startingOffsets,
        String checkpoint,
        Duration retryTimeout,
        Duration rollupInterval,
        Duration rollupLateness,
        Duration stallTimeout,
        String metricsFile,
        int metricsPort,
        String metricsAddress) {

    private static final Duration MIN_STALL_TIMEOUT = Duration.ofMinutes(1);
    private static final Set<String> NAMED_OFFSETS = Set.of("earliest", "latest");
    private static final int MAX_PORT = 65_535;

    public StreamerConfig {
        require(!kafka.bootstrap().isBlank(), "Kafka bootstrap servers are empty");
        require(!topic.isBlank(), "the topic name is empty");
        require(!cassandra.isBlank(), "Cassandra contact points are empty");
        require(!keyspace.isBlank(), "the keyspace name is empty");
        require(maxOffsetsPerTrigger >= 1, StreamerOptions.MAX_OFFSETS_PER_TRIGGER + " must be at least 1, not " + maxOffsetsPerTrigger);
        require(minPartitions >= 0, StreamerOptions.MIN_PARTITIONS + " must be 0 (one task per Kafka partition) or more, not " + minPartitions);
        // An idle stream reports once a trigger (at least 10 s apart, Spark's noDataProgressEventInterval); a retry at least every 10 s.
        require(stallTimeout.compareTo(MIN_STALL_TIMEOUT) >= 0 && stallTimeout.compareTo(trigger.multipliedBy(3)) >= 0,
                StreamerOptions.STALL_TIMEOUT + " must be at least " + MIN_STALL_TIMEOUT.toSeconds() + " s and three triggers, not "
                        + stallTimeout.toSeconds() + " s");
        require(!rollupInterval.isZero() && !rollupLateness.isNegative(), StreamerOptions.ROLLUP_INTERVAL + " must be more than 0 and "
                + StreamerOptions.ROLLUP_LATENESS + " at least 0");
        require(metricsPort >= 0 && metricsPort <= MAX_PORT,
                StreamerOptions.METRICS_PORT + " must be a port (1-" + MAX_PORT + ") or 0 for none, not " + metricsPort);
        // A JSON offsets object is checked by Spark's Kafka source when the query starts.
        require(NAMED_OFFSETS.contains(startingOffsets) || startingOffsets.strip().startsWith("{"),
                StreamerOptions.STARTING_OFFSETS + " must be earliest, latest or a JSON object of offsets, not '" + startingOffsets + "'");
    }

    public String bootstrap() {
        return kafka.bootstrap();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UserError(message);
        }
    }
}

package dev.listening.streamer;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;

import java.time.Duration;
import java.util.Set;

/** The streamer's settings, validated before anything connects. */
public record StreamerConfig(
        String bootstrap,
        String topic,
        String cassandra,
        String datacenter,
        String keyspace,
        DefaultConsistencyLevel consistency,
        String songs,
        Duration trigger,
        long maxOffsetsPerTrigger,
        String startingOffsets,
        String checkpoint,
        Duration retryTimeout,
        Duration rollupInterval) {

    private static final Set<String> NAMED_OFFSETS = Set.of("earliest", "latest");

    public StreamerConfig {
        require(!bootstrap.isBlank(), "Kafka bootstrap servers are empty");
        require(!topic.isBlank(), "the topic name is empty");
        require(!cassandra.isBlank(), "Cassandra contact points are empty");
        require(!keyspace.isBlank(), "the keyspace name is empty");
        require(maxOffsetsPerTrigger >= 1, StreamerOptions.MAX_OFFSETS_PER_TRIGGER + " must be at least 1, not " + maxOffsetsPerTrigger);
        // A JSON offsets object is checked by Spark's Kafka source when the query starts.
        require(NAMED_OFFSETS.contains(startingOffsets) || startingOffsets.strip().startsWith("{"),
                StreamerOptions.STARTING_OFFSETS + " must be earliest, latest or a JSON object of offsets, not '" + startingOffsets + "'");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new UserError(message);
        }
    }
}

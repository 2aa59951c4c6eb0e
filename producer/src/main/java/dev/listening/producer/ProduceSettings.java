package dev.listening.producer;

import dev.listening.contract.Env;
import dev.listening.contract.kafka.KafkaClient;
import dev.listening.producer.rate.Rate;
import dev.listening.producer.rate.Speed;
import dev.listening.producer.run.DurationConverter;
import dev.listening.producer.scenario.Scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One producing run, as ./pipeline produce reads it from its options and as the demo and the soak
 * build it: where the events go, which events, how fast and until when. Null means "not given"
 * for the optional bounds and clocks.
 */
public record ProduceSettings(KafkaClient kafka, String topic, int partitions, Rate rate, Long limit, Duration duration,
                              int listeners, List<String> users, Long seed, Instant start, Scenarios scenario, Speed speed,
                              Duration backfill, Path out, Path from, Path songs, Duration connectTimeout, boolean verbose,
                              int metricsPort, String metricsAddress) {
    public static final String DEFAULT_PARTITIONS = "1";
    public static final String DEFAULT_RATE = "1";
    public static final String DEFAULT_LISTENERS = "50";
    public static final String DEFAULT_SCENARIO = "uniform";
    public static final String DEFAULT_CONNECT_TIMEOUT = "15s";

    public ProduceSettings {
        users = List.copyOf(users);
    }

    /**
     * Uniform live events into Kafka at {@code rate}, with the command's defaults for the rest, until
     * {@code limit} events or {@code duration} (either may be null).
     */
    public static ProduceSettings uniform(KafkaClient kafka, String topic, Path songs, Rate rate, Long limit,
                                          Duration duration, int listeners, List<String> users) {
        return new ProduceSettings(kafka, topic, Integer.parseInt(DEFAULT_PARTITIONS), rate, limit, duration,
                listeners, users, null, null, Scenarios.UNIFORM, null, null, null, null, songs,
                new DurationConverter().convert(DEFAULT_CONNECT_TIMEOUT), false, 0, Env.DEFAULT_HOST);
    }
}

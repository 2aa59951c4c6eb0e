package dev.listening.contract;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One play of one song by one listener: the value of a record on the topic, as JSON.
 * Components map to {@link EventField} by snake_case naming; {@code ts} is UTC epoch milliseconds.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ListeningEvent(
        int schemaVersion,
        String eventId,
        long ts,
        String userId,
        String name,
        String country,
        String city,
        String os,
        String client,
        String deviceType,
        String song,
        String artists) {

    /** Bumped when a field is added or changes meaning; readers accept every version up to theirs. */
    public static final int SCHEMA_VERSION = 1;
}

package dev.listening.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * One play of one song by one listener: the value of a record on the topic, as JSON.
 * Components map to {@link EventField} by snake_case naming; {@code ts} is UTC epoch milliseconds,
 * when the play started. The play details of version 2 ({@code action} … {@code session_id}) are
 * optional: a version 1 event has none of them, and a writer that knows none leaves them out of the JSON.
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
        String artists,
        @JsonInclude(JsonInclude.Include.NON_NULL) String action,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long playedMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long pausedMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) String sessionId) {

    /**
     * Bumped when a field is added or changes meaning; readers accept every version up to theirs.
     * 2 added the optional play details action, played_ms, paused_ms and session_id.
     */
    public static final int SCHEMA_VERSION = 2;
    /**
     * What an event_id must match (found anywhere in it, as Spark's rlike does) to be stored: the key is a CQL uuid.
     * {@code \\z}, not {@code $}: "$" also matches before a final line break, and a UUID with a newline after it
     * would reach the writer, fail UUID parsing and fail its batch on every replay.
     */
    public static final String EVENT_ID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\z";
    /** The earliest and latest {@code ts} a stored event may have: Spark's (and CQL tooling's) timestamp range, years 1-9999. */
    public static final long MIN_TS = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
    public static final long MAX_TS = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();

    /** A play without details (action, played and paused time, session unknown). */
    public ListeningEvent(int schemaVersion, String eventId, long ts, String userId, String name, String country,
                          String city, String os, String client, String deviceType, String song, String artists) {
        this(schemaVersion, eventId, ts, userId, name, country, city, os, client, deviceType, song, artists,
                null, null, null, null);
    }
}

package dev.listening.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

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

    /** A play without details (action, played and paused time, session unknown). */
    public ListeningEvent(int schemaVersion, String eventId, long ts, String userId, String name, String country,
                          String city, String os, String client, String deviceType, String song, String artists) {
        this(schemaVersion, eventId, ts, userId, name, country, city, os, client, deviceType, song, artists,
                null, null, null, null);
    }
}

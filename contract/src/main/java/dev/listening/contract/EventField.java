package dev.listening.contract;

import java.util.Arrays;
import java.util.List;

/**
 * The fields of a listening event as they appear in the JSON on the topic and, with the same
 * names, as columns of listening_history. Required fields must be present and non-null for an
 * event to be stored; an event without them is a dead letter.
 */
public enum EventField {
    SCHEMA_VERSION("schema_version", FieldType.INT, true),
    EVENT_ID("event_id", FieldType.STRING, true),
    TS("ts", FieldType.LONG, true),
    USER_ID("user_id", FieldType.STRING, true),
    NAME("name", FieldType.STRING, true),
    COUNTRY("country", FieldType.STRING, false),
    CITY("city", FieldType.STRING, false),
    OS("os", FieldType.STRING, false),
    CLIENT("client", FieldType.STRING, false),
    DEVICE_TYPE("device_type", FieldType.STRING, false),
    SONG("song", FieldType.STRING, true),
    ARTISTS("artists", FieldType.STRING, true),
    /** Since version 2: {@link PlayAction}, how the play ended. */
    ACTION("action", FieldType.STRING, false),
    /** Since version 2: milliseconds of the song actually played. */
    PLAYED_MS("played_ms", FieldType.LONG, false),
    /** Since version 2: milliseconds the play was paused; the next play of the listener starts after ts + played + paused. */
    PAUSED_MS("paused_ms", FieldType.LONG, false),
    /** Since version 2: the listening session the play belongs to. */
    SESSION_ID("session_id", FieldType.STRING, false);

    private final String jsonName;
    private final FieldType type;
    private final boolean required;

    EventField(String jsonName, FieldType type, boolean required) {
        this.jsonName = jsonName;
        this.type = type;
        this.required = required;
    }

    public String jsonName() {
        return jsonName;
    }

    public FieldType type() {
        return type;
    }

    public boolean required() {
        return required;
    }

    public static List<EventField> requiredFields() {
        return Arrays.stream(values()).filter(EventField::required).toList();
    }
}

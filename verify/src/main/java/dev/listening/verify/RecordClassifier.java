package dev.listening.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.listening.contract.EventField;
import dev.listening.contract.FieldType;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.PlayAction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where a record should have landed, decided by the streamer's rules (its ListeningPlan) applied
 * to the bytes: a listening_history row with every column the event decides, or nowhere but the
 * dead-letter table. The rules are mirrored as Spark applies them, so that a well-formed event found
 * only as a dead letter, or a row that differs from its event, is the streamer's fault and not a
 * difference of reading: the value must be UTF-8, a JSON object (single quotes and NaN allowed,
 * as Spark's JSON options default to) whose event fields have their types (a non-string value in a
 * string field is kept as its JSON text), with every required field present and not blank, an
 * event_id that is a UUID, a name that fits a partition key, ts within years 1-9999 and a
 * supported schema_version.
 */
public final class RecordClassifier {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    private static final Pattern EVENT_ID = Pattern.compile(ListeningEvent.EVENT_ID_PATTERN);
    private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();
    private static final long MILLIS_PER_HOUR = Duration.ofHours(1).toMillis();
    private static final int HOURS_PER_DAY = 24;

    private RecordClassifier() {
    }

    public static RecordRef classify(int partition, long offset, Instant timestamp, byte[] value) {
        return new RecordRef(partition, offset, timestamp, row(value));
    }

    /** The row of a well-formed event, or null. */
    static EventRow row(byte[] value) {
        // Spark reads the bytes as text and re-encodes them: a byte that is not UTF-8 would come back altered.
        if (value == null || !Arrays.equals(value, new String(value, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        Map<EventField, Object> fields = fields(value);
        if (fields == null || !wellFormed(fields)) {
            return null;
        }
        UUID eventId;
        try {
            eventId = UUID.fromString((String) fields.get(EventField.EVENT_ID));
        } catch (IllegalArgumentException e) {
            return null;
        }
        long ts = (Long) fields.get(EventField.TS);
        fields.put(EventField.EVENT_ID, eventId);
        fields.put(EventField.TS, Instant.ofEpochMilli(ts));
        Object action = fields.get(EventField.ACTION);
        Integer skipped = action == null ? null : PlayAction.SKIP.jsonValue().equals(action) ? 1 : 0;
        return EventRow.of(fields, LocalDate.ofEpochDay(Math.floorDiv(ts, MILLIS_PER_DAY)),
                (int) Math.floorMod(Math.floorDiv(ts, MILLIS_PER_HOUR), HOURS_PER_DAY), skipped);
    }

    /** The event's fields typed as the contract says, or null when the value is not such a JSON object. */
    private static Map<EventField, Object> fields(byte[] value) {
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
        if (event == null || !event.isObject()) {
            return null;
        }
        Map<EventField, Object> fields = new EnumMap<>(EventField.class);
        for (EventField field : EventField.values()) {
            JsonNode node = event.get(field.jsonName());
            if (node != null && !node.isNull()) {
                Object typed = typed(node, field.type());
                if (typed == null) {
                    return null;
                }
                fields.put(field, typed);
            }
        }
        return fields;
    }

    /** The value as Spark's from_json makes it of this type, or null when Spark would call the record corrupt. */
    private static Object typed(JsonNode node, FieldType type) {
        return switch (type) {
            case STRING -> node.isTextual() ? node.textValue() : text(node);
            case INT -> node.isIntegralNumber() && node.canConvertToInt() ? (Object) node.intValue() : null;
            case LONG -> node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : null;
            case DOUBLE -> node.isNumber() ? (Object) node.doubleValue() : null;
        };
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON node could not be written back", e);
        }
    }

    private static boolean wellFormed(Map<EventField, Object> fields) {
        for (EventField field : EventField.requiredFields()) {
            Object value = fields.get(field);
            // Spark's trim takes spaces only
            if (value == null || value instanceof String text && text.chars().allMatch(c -> c == ' ')) {
                return false;
            }
        }
        long ts = (Long) fields.get(EventField.TS);
        int version = (Integer) fields.get(EventField.SCHEMA_VERSION);
        return EVENT_ID.matcher((String) fields.get(EventField.EVENT_ID)).find()
                && ((String) fields.get(EventField.NAME)).getBytes(StandardCharsets.UTF_8).length <= HistoryColumn.MAX_NAME_BYTES
                && ts >= ListeningEvent.MIN_TS && ts <= ListeningEvent.MAX_TS
                && version >= 1 && version <= ListeningEvent.SCHEMA_VERSION;
    }
}

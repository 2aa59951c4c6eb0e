package dev.listening.verify;

import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The listening_history row an event must have, as far as the event alone decides it: every field
 * of the event, then the UTC date and hour of its ts and {@code skipped}. The song features come
 * from the songs CSV ({@link SongFeatures}). Values are of the types the driver reads the columns
 * as: String, Integer, Long, Instant (ts), UUID (event_id), LocalDate (date).
 */
public final class EventRow {
    /** The columns, in the order of {@link EventField}, then date, hour and skipped. */
    public static final List<String> COLUMNS;
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        List<String> columns = new ArrayList<>(Arrays.stream(EventField.values()).map(EventField::jsonName).toList());
        columns.addAll(List.of(HistoryColumn.DATE, HistoryColumn.HOUR, HistoryColumn.SKIPPED));
        COLUMNS = List.copyOf(columns);
        for (int i = 0; i < COLUMNS.size(); i++) {
            INDEX.put(COLUMNS.get(i), i);
        }
    }

    // one array per record rather than a map: verify holds every record of the range in memory
    private final Object[] values;

    private EventRow(Object[] values) {
        this.values = values;
    }

    /**
     * @param fields every field of a well-formed event (null for an absent optional one), typed as
     *               {@link EventField#type()} says, except ts (Instant) and event_id (UUID)
     * @param date   the UTC date of ts
     * @param hour   the UTC hour of ts
     * @param skipped 1 for a skip, 0 for another action, null without one
     */
    static EventRow of(Map<EventField, Object> fields, LocalDate date, int hour, Integer skipped) {
        Object[] values = new Object[COLUMNS.size()];
        fields.forEach((field, value) -> values[INDEX.get(field.jsonName())] = value);
        values[INDEX.get(HistoryColumn.DATE)] = date;
        values[INDEX.get(HistoryColumn.HOUR)] = hour;
        values[INDEX.get(HistoryColumn.SKIPPED)] = skipped;
        return new EventRow(values);
    }

    public Object value(String column) {
        Integer index = INDEX.get(column);
        if (index == null) {
            throw new IllegalArgumentException("an event decides no column " + column);
        }
        return values[index];
    }

    public String name() {
        return (String) value(EventField.NAME.jsonName());
    }

    public UUID eventId() {
        return (UUID) value(EventField.EVENT_ID.jsonName());
    }

    public Instant ts() {
        return (Instant) value(EventField.TS.jsonName());
    }

    public LocalDate date() {
        return (LocalDate) value(HistoryColumn.DATE);
    }

    public int hour() {
        return (Integer) value(HistoryColumn.HOUR);
    }

    public String song() {
        return (String) value(EventField.SONG.jsonName());
    }

    public String artists() {
        return (String) value(EventField.ARTISTS.jsonName());
    }

    public RecordRef.PartitionKey partitionKey() {
        return new RecordRef.PartitionKey(name(), date(), hour());
    }

    public RecordRef.PrimaryKey primaryKey() {
        return new RecordRef.PrimaryKey(partitionKey(), ts(), eventId());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventRow row && Arrays.equals(values, row.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("EventRow{");
        for (int i = 0; i < COLUMNS.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(COLUMNS.get(i)).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }
}

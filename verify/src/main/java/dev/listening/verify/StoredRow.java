package dev.listening.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A listening_history row as read: its primary key and the columns an event and its song decide. */
public final class StoredRow {
    /** The columns compared: those of {@link EventRow}, then the song features. */
    public static final List<String> COLUMNS;
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        List<String> columns = new ArrayList<>(EventRow.COLUMNS);
        columns.addAll(SongFeatures.COLUMNS);
        COLUMNS = List.copyOf(columns);
        for (int i = 0; i < COLUMNS.size(); i++) {
            INDEX.put(COLUMNS.get(i), i);
        }
    }

    private final RecordRef.PrimaryKey key;
    private final Object[] values;

    private StoredRow(RecordRef.PrimaryKey key, Object[] values) {
        this.key = key;
        this.values = values;
    }

    /** @param values by column; a column left out is null */
    public static StoredRow of(RecordRef.PrimaryKey key, Map<String, Object> values) {
        Object[] array = new Object[COLUMNS.size()];
        values.forEach((column, value) -> {
            Integer index = INDEX.get(column);
            if (index == null) {
                throw new IllegalArgumentException("not a compared column: " + column);
            }
            array[index] = value;
        });
        return new StoredRow(key, array);
    }

    public RecordRef.PrimaryKey key() {
        return key;
    }

    public Object value(String column) {
        return values[INDEX.get(column)];
    }

    @Override
    public String toString() {
        return key.toString();
    }
}

package dev.listening.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A stored row against the record it came from: every column of the event, and the song features against the CSV. */
public final class RowCheck {
    private static final int SHOWN_CHARS = 40;

    private RowCheck() {
    }

    /** What differs, one "column: row X, event Y" per column; empty when the row is as it must be. */
    public static List<String> differences(EventRow event, StoredRow row, SongFeatures songs) {
        List<String> differences = new ArrayList<>();
        for (String column : EventRow.COLUMNS) {
            if (!Objects.equals(event.value(column), row.value(column))) {
                differences.add(column + ": row " + shown(row.value(column)) + ", event " + shown(event.value(column)));
            }
        }
        List<List<Object>> candidates = songs.candidates(event.song(), event.artists());
        List<Object> stored = SongFeatures.COLUMNS.stream().map(row::value).toList();
        if (!candidates.contains(stored)) {
            List<Object> expected = candidates.get(0);
            for (int i = 0; i < SongFeatures.COLUMNS.size(); i++) {
                if (!Objects.equals(expected.get(i), stored.get(i))) {
                    differences.add(SongFeatures.COLUMNS.get(i) + ": row " + shown(stored.get(i)) + ", songs CSV " + shown(expected.get(i)));
                }
            }
        }
        return differences;
    }

    private static String shown(Object value) {
        if (!(value instanceof String text)) {
            return String.valueOf(value);
        }
        return "'" + (text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "…" : text) + "'";
    }
}

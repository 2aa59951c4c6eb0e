package dev.listening.producer.songs;

import dev.listening.contract.SongColumn;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One row of the songs CSV with every column typed as {@link SongColumn#type()} says. Text is kept
 * exactly as in the file (no trimming, invisible marks included): title and artists are the key
 * the streamer joins on, so they must match its copy of the same file byte for byte.
 */
public final class Song {
    // the key kept in fields of its own: every event reads it, and a map lookup per event shows in profiles
    private final String title;
    private final String artists;
    private final Map<SongColumn, Object> values;

    Song(EnumMap<SongColumn, Object> values) {
        this.title = (String) values.get(SongColumn.SONG);
        this.artists = (String) values.get(SongColumn.ARTISTS);
        this.values = Collections.unmodifiableMap(values);
    }

    public String title() {
        return title;
    }

    public String artists() {
        return artists;
    }

    /** The typed value: String, Integer, Long or Double, following the column's {@code FieldType}. */
    public Object value(SongColumn column) {
        return values.get(column);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Song song && values.equals(song.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return '"' + title() + "\" by " + artists();
    }
}

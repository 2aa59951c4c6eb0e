package dev.listening.verify;

import dev.listening.contract.SongColumn;
import dev.listening.producer.songs.Song;
import dev.listening.producer.songs.SongCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The song features a listening_history row must hold, from the songs CSV the streamer joins: per
 * (song, artists), the values of the columns that are not the key, as Spark's CSV reader gives them
 * (an empty field is null). A play of a song that is not in the file has null features.
 */
public final class SongFeatures {
    /** The feature columns of listening_history, in the order of {@link SongColumn}. */
    public static final List<String> COLUMNS = Arrays.stream(SongColumn.values())
            .filter(c -> !c.isKey()).map(SongColumn::column).toList();
    private static final List<SongColumn> FEATURES = Arrays.stream(SongColumn.values()).filter(c -> !c.isKey()).toList();

    private record Key(String song, String artists) {
    }

    // a list per key: the streamer keeps one of a key's rows, any of them, should the file repeat a song
    private final Map<Key, List<List<Object>>> bySong;

    private SongFeatures(Map<Key, List<List<Object>>> bySong) {
        this.bySong = bySong;
    }

    public static SongFeatures load(Path csv) {
        return of(SongCatalog.load(csv).songs());
    }

    static SongFeatures of(Collection<Song> songs) {
        Map<Key, List<List<Object>>> bySong = new HashMap<>();
        for (Song song : songs) {
            List<Object> values = new ArrayList<>();
            for (SongColumn column : FEATURES) {
                Object value = song.value(column);
                values.add("".equals(value) ? null : value);
            }
            bySong.computeIfAbsent(new Key(song.title(), song.artists()), k -> new ArrayList<>()).add(values);
        }
        return new SongFeatures(bySong);
    }

    /** True when the file has this song, so its play must carry features. */
    public boolean has(String song, String artists) {
        return bySong.containsKey(new Key(song, artists));
    }

    /**
     * The feature values a play of this song may hold, each in the order of {@link #COLUMNS}: one
     * list per row of the file with this song, or a single list of nulls for a song it lacks.
     */
    public List<List<Object>> candidates(String song, String artists) {
        List<List<Object>> found = bySong.get(new Key(song, artists));
        return found != null ? found : List.of(Arrays.asList(new Object[COLUMNS.size()]));
    }
}

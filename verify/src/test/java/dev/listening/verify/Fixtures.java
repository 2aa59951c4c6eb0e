package dev.listening.verify;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events, rows and a two-song CSV with known values, for the verify tests. */
final class Fixtures {
    static final String HEADER = "\"name\",\"artists\",\"duration_ms\",\"album_name\",\"album_release_date\",\"danceability\",\"energy\","
            + "\"key\",\"loudness\",\"mode\",\"speechiness\",\"acousticness\",\"instrumentalness\",\"liveness\",\"valence\",\"tempo\"";
    /** The first song of data/spotify-songs.csv. */
    static final String LA_DIABLA = "\"La Diabla\",\"Xavi\",\"172264\",\"La Diabla\",\"2023-11-30\",\"0.751\",\"0.819\",\"11\","
            + "\"-4.372\",\"0\",\"0.0409\",\"0.255\",\"0.0\",\"0.236\",\"0.697\",\"131.842\"";
    /** Its features in the order of SongFeatures.COLUMNS. */
    static final List<Object> LA_DIABLA_FEATURES = List.of(172_264L, "La Diabla", "2023-11-30", 0.751, 0.819, 11, -4.372, 0, 0.0409,
            0.255, 0.0, 0.236, 0.697, 131.842);
    /** A song whose album fields are empty, as a few rows of the real file are. */
    static final String NO_ALBUM = "\"Brown Eyed Girl\",\"Van Morrison\",\"183000\",\"\",\"\",\"0.5\",\"0.6\",\"7\",\"-5.0\",\"1\","
            + "\"0.03\",\"0.2\",\"0.0\",\"0.1\",\"0.9\",\"150.0\"";
    static final Instant T = Instant.parse("2024-03-03T23:59:59.999Z");

    private Fixtures() {
    }

    static SongFeatures songs(Path dir, String... rows) {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.addAll(List.of(rows));
        try {
            Path csv = Files.write(dir.resolve("songs.csv"), lines);
            return SongFeatures.load(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ListeningEvent event(String id, String name, Instant ts, String song, String artists) {
        return new ListeningEvent(ListeningEvent.SCHEMA_VERSION, id, ts.toEpochMilli(), "u-" + name, name, "PT", "Porto", "Linux",
                "web", "desktop", song, artists, "skip", 30_000L, 5_000L, "s-1");
    }

    static RecordRef record(long offset, ListeningEvent event) {
        return RecordClassifier.classify(0, offset, T.plusSeconds(offset), EventJson.toBytes(event));
    }

    /** The row the streamer writes for this record, with these song features (in the order of SongFeatures.COLUMNS). */
    static StoredRow rowOf(RecordRef record, List<Object> features) {
        return rowOf(record, features, Map.of());
    }

    /** That row with some columns changed. */
    static StoredRow rowOf(RecordRef record, List<Object> features, Map<String, Object> changed) {
        EventRow event = record.row();
        Map<String, Object> values = new HashMap<>();
        EventRow.COLUMNS.forEach(column -> values.put(column, event.value(column)));
        for (int i = 0; i < SongFeatures.COLUMNS.size(); i++) {
            values.put(SongFeatures.COLUMNS.get(i), features.get(i));
        }
        values.putAll(changed);
        return StoredRow.of(event.primaryKey(), values);
    }

    static List<Object> noFeatures() {
        return new ArrayList<>(Collections.nCopies(SongFeatures.COLUMNS.size(), null));
    }
}

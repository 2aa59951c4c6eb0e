package dev.listening.contract;

/**
 * The columns of data/spotify-songs.csv and the names they get in listening_history.
 * {@code name} becomes {@code song} (the event's field) and {@code key}, a CQL reserved word,
 * becomes {@code musical_key}. SONG and ARTISTS together identify a song: a title alone repeats.
 */
public enum SongColumn {
    SONG("name", EventField.SONG.jsonName(), FieldType.STRING),
    ARTISTS("artists", EventField.ARTISTS.jsonName(), FieldType.STRING),
    DURATION_MS("duration_ms", "duration_ms", FieldType.LONG),
    ALBUM_NAME("album_name", "album_name", FieldType.STRING),
    ALBUM_RELEASE_DATE("album_release_date", "album_release_date", FieldType.STRING),
    DANCEABILITY("danceability", "danceability", FieldType.DOUBLE),
    ENERGY("energy", "energy", FieldType.DOUBLE),
    MUSICAL_KEY("key", "musical_key", FieldType.INT),
    LOUDNESS("loudness", "loudness", FieldType.DOUBLE),
    MODE("mode", "mode", FieldType.INT),
    SPEECHINESS("speechiness", "speechiness", FieldType.DOUBLE),
    ACOUSTICNESS("acousticness", "acousticness", FieldType.DOUBLE),
    INSTRUMENTALNESS("instrumentalness", "instrumentalness", FieldType.DOUBLE),
    LIVENESS("liveness", "liveness", FieldType.DOUBLE),
    VALENCE("valence", "valence", FieldType.DOUBLE),
    TEMPO("tempo", "tempo", FieldType.DOUBLE);

    private final String csvHeader;
    private final String column;
    private final FieldType type;

    SongColumn(String csvHeader, String column, FieldType type) {
        this.csvHeader = csvHeader;
        this.column = column;
        this.type = type;
    }

    public String csvHeader() {
        return csvHeader;
    }

    public String column() {
        return column;
    }

    public FieldType type() {
        return type;
    }

    /** True for the two columns that identify a song; the others are its features. */
    public boolean isKey() {
        return this == SONG || this == ARTISTS;
    }
}

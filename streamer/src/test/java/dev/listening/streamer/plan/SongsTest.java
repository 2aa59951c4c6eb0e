package dev.listening.streamer.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listening.contract.SongColumn;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The real data/spotify-songs.csv through Spark's CSV reader. Expected values read off the file by hand. */
class SongsTest {
    private static final Path CSV = Path.of(System.getProperty("pipeline.root", ".."), "data", "spotify-songs.csv");

    private static SparkSession spark;
    private static Dataset<Row> songs;

    @BeforeAll
    static void load() {
        spark = TestSpark.start("UTC");
        songs = Songs.load(spark, CSV.toString()).cache();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void everySongOfTheFileLoadsExceptTheEmptyRow() {
        // 5,937 data lines; one of them has neither a name nor artists.
        assertEquals(5_936, songs.count());
        assertEquals(0, songs.where("song IS NULL OR artists IS NULL OR trim(song) = ''").count());
    }

    @Test
    void columnsAreRenamedToTheContractsNames() {
        List<String> expected = Arrays.stream(SongColumn.values()).map(SongColumn::column).toList();

        assertEquals(expected, List.of(songs.columns()));
        assertFalse(List.of(songs.columns()).contains("key"));
        assertFalse(List.of(songs.columns()).contains("name"));
    }

    @Test
    void doubledQuotesAreUnescaped() {
        Row barbie = single("song = 'What Was I Made For? [From The Motion Picture \"Barbie\"]'");

        assertEquals("Billie Eilish", barbie.getAs("artists"));
        assertEquals(222_369L, (long) barbie.getAs("duration_ms"));
        assertEquals(0, (int) barbie.getAs("musical_key"));
    }

    @Test
    void nonAsciiTextSurvives() {
        Row row = single("artists = 'WeiBird'");

        assertEquals("如果可以 - 電影\"月老\"主題曲", row.getAs("song"));
        assertEquals("如果可以 (電影\"月老\"主題曲)", row.getAs("album_name"));
        assertEquals(74.969, (double) row.getAs("tempo"));
    }

    @Test
    void scientificNotationParses() {
        Row row = single("song = 'yes, and?' AND artists = 'Ariana Grande'");

        assertEquals(8.5e-05, (double) row.getAs("instrumentalness"));
        assertEquals(1, (int) row.getAs("musical_key"));
        assertEquals(-6.513, (double) row.getAs("loudness"));
    }

    @Test
    void anEmptyFieldIsNullNotEmptyText() {
        // verify's SongFeatures expects the same of the CSV: a row's album_name is null here, not ''
        Row row = single("song = 'Brown Eyed Girl' AND artists = 'Van Morrison'");

        assertNull(row.getAs("album_name"));
        assertNull(row.getAs("album_release_date"));
    }

    @Test
    void songsAreUniqueBySongAndArtists() {
        assertEquals(songs.count(), songs.dropDuplicates("song", "artists").count());
    }

    @Test
    void aFileWhoseHeaderIsNotTheContractsIsRejected(@TempDir Path dir) throws IOException {
        Path other = Files.writeString(dir.resolve("other.csv"), "\"title\",\"band\"\n\"a\",\"b\"\n");

        assertThrows(Exception.class, () -> Songs.load(spark, other.toString()).count());
    }

    private static Row single(String condition) {
        List<Row> rows = songs.where(condition).collectAsList();
        assertEquals(1, rows.size(), condition);
        return rows.get(0);
    }
}

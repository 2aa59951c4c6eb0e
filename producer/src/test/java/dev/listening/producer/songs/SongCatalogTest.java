package dev.listening.producer.songs;

import dev.listening.contract.SongColumn;
import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known answers below were counted with Python's csv module on the same file, not with this code. */
class SongCatalogTest {
    static final Path REAL_FILE = Path.of("..", "data", "spotify-songs.csv");
    static final String HEADER = "\"name\",\"artists\",\"duration_ms\",\"album_name\",\"album_release_date\","
            + "\"danceability\",\"energy\",\"key\",\"loudness\",\"mode\",\"speechiness\",\"acousticness\","
            + "\"instrumentalness\",\"liveness\",\"valence\",\"tempo\"\n";
    static final String GOOD_ROW = "\"La Diabla\",\"Xavi\",\"172264\",\"La Diabla\",\"2023-11-30\",\"0.751\","
            + "\"0.819\",\"11\",\"-4.372\",\"0\",\"0.0409\",\"0.255\",\"0.0\",\"0.236\",\"0.697\",\"131.842\"\n";

    private final SongCatalog real = SongCatalog.load(REAL_FILE);

    @Test
    void everyRealSongLoadsAndOnlyTheEmptyRowIsSkipped() {
        assertEquals(5936, real.songs().size());
        assertEquals(List.of(new SongCatalog.SkippedRow(2209, "no song title or artists")), real.skipped());
    }

    @Test
    void titleAndArtistsIdentifyEachSong() {
        Set<List<String>> keys = new HashSet<>();
        real.songs().forEach(song -> keys.add(List.of(song.title(), song.artists())));
        assertEquals(5936, keys.size());
    }

    @Test
    void doubledQuotesAndCommasInsideQuotedFieldsAreParsed() {
        Song slut = find("\"Slut!\" (Taylor's Version) (From The Vault)", "Taylor Swift");
        assertEquals("1989 (Taylor's Version)", slut.value(SongColumn.ALBUM_NAME));
        Song se = find("\"Se\"", "Joe L");
        assertEquals("\"Se\"", se.value(SongColumn.ALBUM_NAME));
        Song yesAnd = find("yes, and?", "Ariana Grande");
        assertEquals(214994L, yesAnd.value(SongColumn.DURATION_MS));
    }

    @Test
    void scientificNotationParses() {
        assertEquals(8.5e-05, find("yes, and?", "Ariana Grande").value(SongColumn.INSTRUMENTALNESS));
        assertEquals(7.62e-05, find("\"Slut!\" (Taylor's Version) (From The Vault)", "Taylor Swift")
                .value(SongColumn.INSTRUMENTALNESS));
    }

    @Test
    void emptyAlbumsAreKeptAsEmptyText() {
        assertEquals("", find("Brown Eyed Girl", "Van Morrison").value(SongColumn.ALBUM_NAME));
        long emptyAlbums = real.songs().stream().filter(s -> "".equals(s.value(SongColumn.ALBUM_NAME))).count();
        assertEquals(5, emptyAlbums);
    }

    @Test
    void textIsKeptVerbatimIncludingInvisibleMarksAndSpaces() {
        Song hebrew = find("\u200Fשלווה בארמונותייך", "Ravid Plotnik");
        assertEquals("תוך כדי תנועה", hebrew.value(SongColumn.ALBUM_NAME));
        find("如果可以 - 電影\"月老\"主題曲", "WeiBird");
        find("2minuti", "Calcutta ");
    }

    @Test
    void everyColumnHasItsContractType() {
        Song song = real.songs().get(0);
        assertEquals("La Diabla", song.title());
        assertEquals(11, song.value(SongColumn.MUSICAL_KEY));
        assertEquals(0, song.value(SongColumn.MODE));
        assertEquals(-4.372, song.value(SongColumn.LOUDNESS));
        assertEquals("2023-11-30", song.value(SongColumn.ALBUM_RELEASE_DATE));
    }

    @Test
    void blankLinesWrongFieldCountsAndBadNumbersAreSkippedAndCounted(@TempDir Path dir) throws Exception {
        Path csv = write(dir, HEADER + GOOD_ROW + "\n"
                + "\"only\",\"three\",\"fields\"\n"
                + GOOD_ROW.replace("\"172264\"", "\"three minutes\"")
                + GOOD_ROW.replace("\"0.255\"", "\"\"")
                + GOOD_ROW.replace("\"Xavi\"", "\"  \""));
        SongCatalog catalog = SongCatalog.load(csv);
        assertEquals(1, catalog.songs().size());
        assertEquals(List.of(
                new SongCatalog.SkippedRow(3, "expected 16 fields, found 1"),
                new SongCatalog.SkippedRow(4, "expected 16 fields, found 3"),
                new SongCatalog.SkippedRow(5, "duration_ms is not a number: 'three minutes'"),
                new SongCatalog.SkippedRow(6, "acousticness is not a number: ''"),
                new SongCatalog.SkippedRow(7, "no song title or artists")), catalog.skipped());
    }

    @Test
    void aMissingFileIsOneClearError(@TempDir Path dir) {
        UserError error = assertThrows(UserError.class, () -> SongCatalog.load(dir.resolve("nope.csv")));
        assertTrue(error.getMessage().startsWith("songs file not found: "), error.getMessage());
    }

    @Test
    void aFileWithoutTheSongColumnsIsRejected(@TempDir Path dir) throws Exception {
        Path csv = write(dir, "\"title\",\"artists\"\n\"a\",\"b\"\n");
        UserError error = assertThrows(UserError.class, () -> SongCatalog.load(csv));
        assertTrue(error.getMessage().contains("has no column name, duration_ms"), error.getMessage());
    }

    @Test
    void aFileWithNoSongIsRejected(@TempDir Path dir) throws Exception {
        Path csv = write(dir, HEADER + "\n");
        UserError error = assertThrows(UserError.class, () -> SongCatalog.load(csv));
        assertEquals("no songs in " + csv + " (1 rows skipped)", error.getMessage());
    }

    @Test
    void anUnterminatedQuoteIsAnErrorNotASilentlyMergedSong(@TempDir Path dir) throws Exception {
        Path csv = write(dir, HEADER + GOOD_ROW + "\"broken,\"Xavi\n");
        UserError error = assertThrows(UserError.class, () -> SongCatalog.load(csv));
        assertTrue(error.getMessage().startsWith("cannot read songs file "), error.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreRejected(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("latin1.csv");
        Files.write(csv, (HEADER + GOOD_ROW.replace("Xavi", "Beyoncé")).getBytes(StandardCharsets.ISO_8859_1));
        UserError error = assertThrows(UserError.class, () -> SongCatalog.load(csv));
        assertEquals("songs file " + csv + " is not UTF-8 text", error.getMessage());
    }

    private Song find(String title, String artists) {
        return real.songs().stream()
                .filter(s -> s.title().equals(title) && s.artists().equals(artists))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no song " + title + " by " + artists));
    }

    private static Path write(Path dir, String content) throws Exception {
        Path csv = dir.resolve("songs.csv");
        Files.writeString(csv, content);
        return csv;
    }
}

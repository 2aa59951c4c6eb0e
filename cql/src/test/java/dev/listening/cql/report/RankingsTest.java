package dev.listening.cql.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listening.cql.query.ResultTable;
import org.junit.jupiter.api.Test;

import java.util.List;

class RankingsTest {
    @Test
    void songsAddUpOverHoursAndTiesShareARankInTitleOrder() {
        ResultTable top = Rankings.topSongs(List.of(
                new Rankings.SongPlays("Flowers", "Miley Cyrus", 2),
                new Rankings.SongPlays("Cruel Summer", "Taylor Swift", 3),
                new Rankings.SongPlays("Flowers", "Miley Cyrus", 1),
                new Rankings.SongPlays("Anti-Hero", "Taylor Swift", 3),
                new Rankings.SongPlays("Home", "Artist B", 1)), 10);

        assertEquals(List.of("rank", "song", "artists", "plays"), top.columns());
        assertEquals(List.of(
                List.of(1L, "Anti-Hero", "Taylor Swift", 3L),
                List.of(1L, "Cruel Summer", "Taylor Swift", 3L),
                List.of(1L, "Flowers", "Miley Cyrus", 3L),
                List.of(4L, "Home", "Artist B", 1L)), top.rows());
    }

    @Test
    void theSameTitleByOtherArtistsIsRankedApart() {
        ResultTable top = Rankings.topSongs(List.of(
                new Rankings.SongPlays("Home", "Artist B", 1),
                new Rankings.SongPlays("Home", "Artist A", 2)), 10);

        assertEquals(List.of(List.of(1L, "Home", "Artist A", 2L), List.of(2L, "Home", "Artist B", 1L)), top.rows());
    }

    @Test
    void nCutsTheListEvenInsideATie() {
        ResultTable top = Rankings.topSongs(List.of(
                new Rankings.SongPlays("B", "X", 5),
                new Rankings.SongPlays("A", "X", 5),
                new Rankings.SongPlays("C", "X", 5)), 2);

        assertEquals(List.of(List.of(1L, "A", "X", 5L), List.of(1L, "B", "X", 5L)), top.rows());
    }

    @Test
    void aSongOfSeveralArtistsCountsForEachOfThem() {
        ResultTable top = Rankings.topArtists(List.of(
                new Rankings.SongPlays("Merry Christmas", "Ed Sheeran, Elton John", 2),
                new Rankings.SongPlays("Shivers", "Ed Sheeran", 1),
                new Rankings.SongPlays("Rocket Man", "Elton John", 1),
                new Rankings.SongPlays("Ça plane pour moi", "Plastic Bertrand", 4)), 10);

        assertEquals(List.of(
                List.of(1L, "Plastic Bertrand", 4L),
                List.of(2L, "Ed Sheeran", 3L),
                List.of(2L, "Elton John", 3L)), top.rows());
    }

    @Test
    void listenersTieOnPlaysInNameOrderWhateverTheirMinutes() {
        ResultTable top = Rankings.topListeners(List.of(
                new Rankings.ListenerDay("Zoë", 2, 7.5),
                new Rankings.ListenerDay("Liam O'Connor", 2, 3.0),
                new Rankings.ListenerDay("\"; DROP TABLE x", 1, 2.0)), 10);

        assertEquals(List.of("rank", "name", "plays", "minutes_listened"), top.columns());
        assertEquals(List.of(
                List.of(1L, "Liam O'Connor", 2L, 3.0),
                List.of(1L, "Zoë", 2L, 7.5),
                List.of(3L, "\"; DROP TABLE x", 1L, 2.0)), top.rows());
    }

    @Test
    void busiestHoursLeaveOutEmptyHoursAndBreakTiesByHour() {
        ResultTable top = Rankings.busiestHours(List.of(
                new Rankings.HourTotals(23, 4, 2),
                new Rankings.HourTotals(3, 0, 0),
                new Rankings.HourTotals(7, 4, 1),
                new Rankings.HourTotals(12, 9, 3)), 24);

        assertEquals(List.of(List.of(1L, 12, 9L, 3L), List.of(2L, 7, 4L, 1L), List.of(2L, 23, 4L, 2L)), top.rows());
    }

    @Test
    void nothingToRankIsAnEmptyTableWithItsColumns() {
        ResultTable top = Rankings.busiestHours(List.of(), 24);

        assertEquals(List.of("rank", "hour", "plays", "listeners"), top.columns());
        assertEquals(List.of(), top.rows());
    }
}

package dev.listening.streamer.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

class RollupsTest {
    private static final LocalDate DAY = LocalDate.parse("2025-03-14");
    private static final ListenerHour ADA_20 = new ListenerHour("Ada", DAY, 20);
    private static final ListenerHour ADA_21 = new ListenerHour("Ada", DAY, 21);
    private static final ListenerHour LIAM_20 = new ListenerHour("Liam O'Connor", DAY, 20);

    @Test
    void anHourCountsPlaysListenersAndPlaysPerSongAndAveragesOnlyPlaysWithFeatures() {
        List<Play> plays = List.of(
                play(ADA_20, "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play(ADA_20, "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play(LIAM_20, "Cruel Summer", "Taylor Swift", 178_000L, 1.0, 0.75, 130.0, 0.5, 0.0),
                play(LIAM_20, "Unreleased Demo", "Garage Band", null));

        HourRollup hour = single(Rollups.hours(plays));

        assertEquals(new ListenerHour.DateHour(DAY, 20), hour.hour());
        assertEquals(4, hour.plays());
        assertEquals(2, hour.listeners());
        assertEquals(3, hour.playsWithFeatures());
        // (0.5 + 0.5 + 1.0) / 3, (0.25 + 0.25 + 0.75) / 3, (100 + 100 + 130) / 3, 0.5 / 3, 2 / 3
        assertEquals(List.of(2.0 / 3, 1.25 / 3, 110.0, 0.5 / 3, 2.0 / 3), hour.averages());
        assertEquals(Map.of(new HourRollup.Song("Flowers", "Miley Cyrus"), 2L,
                new HourRollup.Song("Cruel Summer", "Taylor Swift"), 1L,
                new HourRollup.Song("Unreleased Demo", "Garage Band"), 1L), hour.songPlays());
    }

    @Test
    void theSameTitleByOtherArtistsIsAnotherSong() {
        HourRollup hour = single(Rollups.hours(List.of(
                play(ADA_20, "Home", "Artist A", 60_000L, 0, 0, 0, 0, 0),
                play(ADA_20, "Home", "Artist B", 60_000L, 0, 0, 0, 0, 0))));

        assertEquals(2, hour.songPlays().size());
        assertEquals(1, hour.listeners());
    }

    @Test
    void anHourWithoutFeaturesHasNullAverages() {
        HourRollup hour = single(Rollups.hours(List.of(play(ADA_20, "Unreleased Demo", "Garage Band", null))));

        assertEquals(0, hour.playsWithFeatures());
        assertEquals(Collections.nCopies(5, null), hour.averages());
    }

    @Test
    void hoursAreRolledUpSeparately() {
        List<HourRollup> hours = Rollups.hours(List.of(
                play(ADA_20, "Flowers", "Miley Cyrus", 200_000L, 0, 0, 0, 0, 0),
                play(ADA_21, "Flowers", "Miley Cyrus", 200_000L, 0, 0, 0, 0, 0),
                play(ADA_21, "Flowers", "Miley Cyrus", 200_000L, 0, 0, 0, 0, 0)));

        assertEquals(2, hours.size());
        assertTrue(hours.stream().anyMatch(h -> h.hour().hour() == 20 && h.plays() == 1));
        assertTrue(hours.stream().anyMatch(h -> h.hour().hour() == 21 && h.plays() == 2));
    }

    @Test
    void aListenerDayAddsTheHoursAndCountsMinutesOfKnownSongsOnly() {
        List<DayRollup> days = Rollups.days(List.of(
                play(ADA_20, "Flowers", "Miley Cyrus", 200_000L, 0.5, 0, 0, 0, 0),
                play(ADA_21, "Cruel Summer", "Taylor Swift", 178_000L, 1.0, 0, 0, 0, 0),
                play(ADA_21, "Unreleased Demo", "Garage Band", null),
                play(LIAM_20, "Flowers", "Miley Cyrus", 200_000L, 0, 0, 0, 0, 0)));

        DayRollup ada = days.stream().filter(d -> d.day().name().equals("Ada")).findFirst().orElseThrow();
        assertEquals(2, days.size());
        assertEquals(3, ada.plays());
        assertEquals(2, ada.playsWithFeatures());
        assertEquals(6.3, ada.minutesListened(), 1e-12); // (200,000 + 178,000) ms / 60,000
        assertEquals(0.75, ada.averages().get(0));
    }

    @Test
    void theSamePlaysGiveTheSameRollups() {
        List<Play> plays = new ArrayList<>(List.of(
                play(ADA_20, "Flowers", "Miley Cyrus", 200_000L, 0.5, 0, 0, 0, 0),
                play(LIAM_20, "Cruel Summer", "Taylor Swift", 178_000L, 1.0, 0, 0, 0, 0)));
        List<HourRollup> first = Rollups.hours(plays);
        Collections.reverse(plays);

        assertEquals(first, Rollups.hours(plays));
    }

    private static Play play(ListenerHour key, String song, String artists, Long durationMs, double... features) {
        return new Play(key, song, artists, durationMs,
                durationMs == null ? null : Arrays.stream(features).boxed().toList());
    }

    private static <T> T single(List<T> list) {
        assertEquals(1, list.size(), list.toString());
        return list.get(0);
    }
}

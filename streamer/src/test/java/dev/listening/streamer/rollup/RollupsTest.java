package dev.listening.streamer.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    private static final Song FLOWERS = new Song("Flowers", "Miley Cyrus");
    private static final Song CRUEL_SUMMER = new Song("Cruel Summer", "Taylor Swift");
    private static final Song DEMO = new Song("Unreleased Demo", "Garage Band");

    @Test
    void aListenerHourSumsItsPlaysAndCountsPlaysPerSong() {
        ListenerHourRollup ada = single(Rollups.listenerHours(List.of(
                play(ADA_20, FLOWERS, 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play(ADA_20, FLOWERS, 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play(ADA_20, CRUEL_SUMMER, 178_000L, 1.0, 0.75, 130.0, 0.5, 0.0),
                play(ADA_20, DEMO, null))));

        assertEquals(ADA_20, ada.key());
        assertEquals(new Totals(4, 3, 578_000, List.of(2.0, 1.25, 330.0, 0.5, 2.0)), ada.totals());
        assertEquals(Map.of(FLOWERS, 2L, CRUEL_SUMMER, 1L, DEMO, 1L), ada.songPlays());
    }

    @Test
    void theSameTitleByOtherArtistsIsAnotherSong() {
        ListenerHourRollup ada = single(Rollups.listenerHours(List.of(
                play(ADA_20, new Song("Home", "Artist A"), 60_000L, 0, 0, 0, 0, 0),
                play(ADA_20, new Song("Home", "Artist B"), 60_000L, 0, 0, 0, 0, 0))));

        assertEquals(Map.of(new Song("Home", "Artist A"), 1L, new Song("Home", "Artist B"), 1L), ada.songPlays());
    }

    @Test
    void eachListenerHourIsRolledUpOnItsOwn() {
        Map<ListenerHour, ListenerHourRollup> parts = Rollups.listenerHours(List.of(
                play(ADA_20, FLOWERS, 200_000L, 0, 0, 0, 0, 0),
                play(ADA_21, FLOWERS, 200_000L, 0, 0, 0, 0, 0),
                play(ADA_21, FLOWERS, 200_000L, 0, 0, 0, 0, 0),
                play(LIAM_20, DEMO, null)));

        assertEquals(3, parts.size());
        assertEquals(1, parts.get(ADA_20).totals().plays());
        assertEquals(2, parts.get(ADA_21).totals().plays());
        assertEquals(new Totals(1, 0, 0, Collections.nCopies(5, 0.0)), parts.get(LIAM_20).totals());
    }

    @Test
    void anHourAddsItsListenersAndAveragesOnlyPlaysWithFeatures() {
        Map<ListenerHour, ListenerHourRollup> parts = Rollups.listenerHours(List.of(
                play(ADA_20, FLOWERS, 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play(ADA_20, FLOWERS, 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play(LIAM_20, CRUEL_SUMMER, 178_000L, 1.0, 0.75, 130.0, 0.5, 0.0),
                play(LIAM_20, DEMO, null)));

        HourRollup hour = Rollups.hour(ADA_20.dateHour(), parts.values().stream().map(ListenerHourRollup::totals).toList());

        assertEquals(4, hour.totals().plays());
        assertEquals(2, hour.listeners());
        assertEquals(3, hour.totals().playsWithFeatures());
        // (0.5 + 0.5 + 1.0) / 3, (0.25 + 0.25 + 0.75) / 3, (100 + 100 + 130) / 3, 0.5 / 3, 2 / 3
        assertEquals(List.of(2.0 / 3, 1.25 / 3, 110.0, 0.5 / 3, 2.0 / 3), hour.totals().averages());
    }

    @Test
    void anHourWithoutFeaturesHasNullAverages() {
        HourRollup hour = Rollups.hour(ADA_20.dateHour(), List.of(Totals.of(play(ADA_20, DEMO, null))));

        assertEquals(0, hour.totals().playsWithFeatures());
        assertEquals(Collections.nCopies(5, null), hour.totals().averages());
    }

    @Test
    void aListenerDayAddsItsHoursAndCountsMinutesOfKnownSongsOnly() {
        Map<ListenerHour, ListenerHourRollup> parts = Rollups.listenerHours(List.of(
                play(ADA_20, FLOWERS, 200_000L, 0.5, 0, 0, 0, 0),
                play(ADA_21, CRUEL_SUMMER, 178_000L, 1.0, 0, 0, 0, 0),
                play(ADA_21, DEMO, null)));

        DayRollup day = Rollups.day(ADA_20.day(), List.of(parts.get(ADA_20).totals(), parts.get(ADA_21).totals()));

        assertEquals(3, day.totals().plays());
        assertEquals(2, day.totals().playsWithFeatures());
        assertEquals(6.3, day.totals().minutes(), 1e-12); // (200,000 + 178,000) ms / 60,000
        assertEquals(0.75, day.totals().averages().get(0));
    }

    @Test
    void thePartsAddUpToTheWholeWhateverTheOrderOfThePlays() {
        List<Play> plays = new ArrayList<>(List.of(
                play(ADA_20, FLOWERS, 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play(LIAM_20, CRUEL_SUMMER, 178_000L, 1.0, 0.75, 130.0, 0.5, 0.0),
                play(ADA_20, DEMO, null),
                play(LIAM_20, FLOWERS, 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0)));
        Totals whole = Totals.sum(plays.stream().map(Totals::of).toList());
        Map<ListenerHour, ListenerHourRollup> parts = Rollups.listenerHours(plays);
        Collections.reverse(plays);

        assertEquals(whole, Totals.sum(parts.values().stream().map(ListenerHourRollup::totals).toList()));
        assertEquals(parts, Rollups.listenerHours(plays));
    }

    private static Play play(ListenerHour key, Song song, Long durationMs, double... features) {
        return new Play(key, song, durationMs, durationMs == null ? null : Arrays.stream(features).boxed().toList());
    }

    private static <T> T single(Map<?, T> map) {
        assertEquals(1, map.size(), map.toString());
        return map.values().iterator().next();
    }
}

package dev.listening.producer.scenario;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.PlayAction;
import dev.listening.contract.SongColumn;
import dev.listening.producer.habits.DailyRhythm;
import dev.listening.producer.habits.Habits;
import dev.listening.producer.listeners.Listener;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.listeners.Market;
import dev.listening.producer.rate.Rate;
import dev.listening.producer.songs.Song;
import dev.listening.producer.songs.SongCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sessions scenario's statistics on a fixed seed: 300 listeners over 7 days (about 60,000
 * plays). Each expectation comes from the model's parameters (skip rates drawn around 0.25, 12
 * plays per session on average, the daily rhythm's hour weights, a Zipf exponent of 1) with a
 * tolerance several standard errors wide; the seed makes the run exact, the tolerance says how
 * far another seed may drift.
 */
class SessionsScenarioTest {
    private static final List<Song> SONGS = SongCatalog.load(Path.of("..", "data", "spotify-songs.csv")).songs();
    private static final Map<String, Song> BY_KEY = SONGS.stream()
            .collect(Collectors.toMap(s -> s.title() + "\u0000" + s.artists(), Function.identity(), (a, b) -> a));
    private static final Instant START = Instant.parse("2024-03-03T00:00:00Z");
    private static final Instant END = START.plus(Duration.ofDays(7));
    private static final long SEED = 20240303;
    private static List<Listener> listeners;
    private static List<ListeningEvent> week;

    @BeforeAll
    static void generateAWeek() {
        listeners = Listeners.generate(300, List.of(), SEED);
        week = all(Scenarios.SESSIONS.create(setup(SEED, START, END)));
    }

    @Test
    void theWeekIsCoveredFromItsStartToItsEndAndNothingOutside() {
        assertTrue(week.size() > 40_000, "plays: " + week.size());
        assertTrue(week.stream().allMatch(e -> e.ts() >= START.toEpochMilli() && e.ts() < END.toEpochMilli()));
        long hours = Duration.between(START, END).toHours();
        long[] perHour = new long[(int) hours];
        week.forEach(e -> perHour[(int) ((e.ts() - START.toEpochMilli()) / 3_600_000)]++);
        for (int h = 0; h < hours; h++) {
            assertTrue(perHour[h] > 0, "no play in hour " + h + " of the week");
        }
    }

    @Test
    void timestampsNeverGoBackOverallNorPerListener() {
        for (int i = 1; i < week.size(); i++) {
            assertTrue(week.get(i).ts() >= week.get(i - 1).ts(), "event " + i);
        }
    }

    @Test
    void aListenersPlaysNeverOverlap() {
        for (List<ListeningEvent> plays : byListener().values()) {
            for (int i = 1; i < plays.size(); i++) {
                ListeningEvent before = plays.get(i - 1);
                long ended = before.ts() + before.playedMs() + before.pausedMs();
                assertTrue(plays.get(i).ts() >= ended, before + " overlaps " + plays.get(i));
            }
        }
    }

    @Test
    void aSkipStopsBeforeTheSongsEndAndAPlayLastsTheWholeSong() {
        long skips = 0;
        for (ListeningEvent e : week) {
            long duration = (Long) BY_KEY.get(e.song() + "\u0000" + e.artists()).value(SongColumn.DURATION_MS);
            if (PlayAction.SKIP.jsonValue().equals(e.action())) {
                skips++;
                assertTrue(e.playedMs() > 0 && e.playedMs() < duration, e.toString());
            } else {
                assertEquals(PlayAction.PLAY.jsonValue(), e.action());
                assertEquals(duration, e.playedMs());
            }
        }
        double ratio = (double) skips / week.size();
        assertEquals(Habits.MEAN_SKIP_RATE, ratio, 0.03, "skip ratio");
    }

    @Test
    void pausesHappenAtTheirRate() {
        double paused = week.stream().filter(e -> e.pausedMs() > 0).count() / (double) week.size();
        assertEquals(SessionsScenario.PAUSE_RATE, paused, 0.005);
    }

    @Test
    void sessionsLastTwelvePlaysOnAverageAndAreSeparatedByAGap() {
        List<Integer> lengths = new ArrayList<>();
        for (List<ListeningEvent> plays : byListener().values()) {
            Map<String, Integer> sessions = new LinkedHashMap<>();
            plays.forEach(e -> sessions.merge(e.sessionId(), 1, Integer::sum));
            // the last session of each listener may be cut by the end of the week
            new ArrayList<>(sessions.values()).subList(0, Math.max(0, sessions.size() - 1)).forEach(lengths::add);
            for (int i = 1; i < plays.size(); i++) {
                ListeningEvent before = plays.get(i - 1);
                if (!before.sessionId().equals(plays.get(i).sessionId())) {
                    long gap = plays.get(i).ts() - (before.ts() + before.playedMs() + before.pausedMs());
                    assertTrue(gap >= SessionsScenario.MIN_SESSION_GAP_MS, "gap " + gap);
                }
            }
        }
        double mean = lengths.stream().mapToInt(Integer::intValue).average().orElseThrow();
        assertTrue(lengths.size() > 3_000, "sessions: " + lengths.size());
        assertEquals(Habits.MEAN_SESSION_PLAYS, mean, 1.0, "plays per session");
        assertEquals(lengths.size() + listeners.size(), week.stream().map(ListeningEvent::sessionId).distinct().count());
    }

    @Test
    void sessionsStartAtTheHoursTheDailyRhythmMakesLikelyInTheListenersTimeZone() {
        long[] starts = new long[24];
        long total = 0;
        for (List<ListeningEvent> plays : byListener().values()) {
            String session = null;
            for (ListeningEvent e : plays) {
                if (!e.sessionId().equals(session)) {
                    session = e.sessionId();
                    starts[Instant.ofEpochMilli(e.ts()).atZone(Market.of(e.country()).orElseThrow().zone()).getHour()]++;
                    total++;
                }
            }
        }
        double night = 0;
        double expectedNight = 0;
        double evening = 0;
        double expectedEvening = 0;
        for (int hour = 0; hour < 24; hour++) {
            double share = starts[hour] / (double) total;
            assertEquals(DailyRhythm.share(hour), share, 0.012, "share of session starts at local hour " + hour);
            if (hour >= 1 && hour < 6) {
                night += share;
                expectedNight += DailyRhythm.share(hour);
            } else if (hour >= 18 && hour < 22) {
                evening += share;
                expectedEvening += DailyRhythm.share(hour);
            }
        }
        assertEquals(expectedNight, night, 0.01);
        assertEquals(expectedEvening, evening, 0.02);
        assertTrue(evening > 5 * night, "evening " + evening + ", night " + night);
    }

    @Test
    void popularityFallsWithRankLikeZipf() {
        Map<String, Long> counts = week.stream().collect(Collectors.groupingBy(e -> e.song() + "\u0000" + e.artists(),
                Collectors.counting()));
        List<Long> ranked = counts.values().stream().sorted(Comparator.reverseOrder()).toList();
        // least-squares slope of log(frequency) over log(rank) for the top 100 ranks
        int n = 100;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int r = 1; r <= n; r++) {
            double x = Math.log(r);
            double y = Math.log(ranked.get(r - 1));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        assertEquals(-1.0, slope, 0.25, "rank/frequency slope");
        long top10 = ranked.subList(0, 10).stream().mapToLong(Long::longValue).sum();
        assertTrue(top10 > week.size() / 20, "the 10 most played songs have " + top10 + " of " + week.size() + " plays");
    }

    @Test
    void listenersAveragesDifferFarMoreThanWithUniformPicks() {
        List<ListeningEvent> uniform = all(Scenarios.UNIFORM.create(new ScenarioSetup(listeners, SONGS, SEED, START,
                START.plusSeconds(week.size()), new Rate(1), Clock.systemUTC())));
        double sessionsSpread = spreadOfListenerMeans(week);
        double uniformSpread = spreadOfListenerMeans(uniform);
        assertTrue(sessionsSpread > 3 * uniformSpread, "sessions " + sessionsSpread + ", uniform " + uniformSpread);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherOnes() {
        Instant end = START.plus(Duration.ofDays(1));
        byte[] first = bytes(Scenarios.SESSIONS.create(setup(SEED, START, end)));
        byte[] second = bytes(Scenarios.SESSIONS.create(setup(SEED, START, end)));
        assertTrue(first.length > 100_000);
        assertArrayEquals(first, second);
        assertFalse(java.util.Arrays.equals(first, bytes(Scenarios.SESSIONS.create(setup(SEED + 1, START, end)))));
    }

    private static double spreadOfListenerMeans(List<ListeningEvent> events) {
        Map<String, double[]> sums = new HashMap<>();
        for (ListeningEvent e : events) {
            double[] sum = sums.computeIfAbsent(e.userId(), k -> new double[2]);
            sum[0] += (Double) BY_KEY.get(e.song() + "\u0000" + e.artists()).value(SongColumn.DANCEABILITY);
            sum[1]++;
        }
        double[] means = sums.values().stream().filter(s -> s[1] >= 50).mapToDouble(s -> s[0] / s[1]).toArray();
        double mean = java.util.Arrays.stream(means).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(means).map(m -> (m - mean) * (m - mean)).sum() / (means.length - 1));
    }

    private static Map<String, List<ListeningEvent>> byListener() {
        return week.stream().collect(Collectors.groupingBy(ListeningEvent::userId, LinkedHashMap::new, Collectors.toList()));
    }

    private static ScenarioSetup setup(long seed, Instant start, Instant end) {
        return new ScenarioSetup(listeners, SONGS, seed, start, end, new Rate(1), Clock.systemUTC());
    }

    private static List<ListeningEvent> all(Scenario scenario) {
        List<ListeningEvent> events = new ArrayList<>();
        for (ListeningEvent e = scenario.next(); e != null; e = scenario.next()) {
            events.add(e);
        }
        return events;
    }

    private static byte[] bytes(Scenario scenario) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ListeningEvent e = scenario.next(); e != null; e = scenario.next()) {
            out.writeBytes(EventJson.toBytes(e));
            out.write('\n');
        }
        return out.toByteArray();
    }
}

package dev.listening.streamer.rollup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rollups as pure functions of the plays they cover. */
public final class Rollups {
    private static final double MILLIS_PER_MINUTE = Duration.ofMinutes(1).toMillis();

    private Rollups() {
    }

    /** One rollup per date/hour present among the plays, which must be all the plays of those hours. */
    public static List<HourRollup> hours(Collection<Play> plays) {
        List<HourRollup> rollups = new ArrayList<>();
        groupBy(plays, p -> p.key().dateHour()).forEach((hour, inHour) -> {
            Averages averages = new Averages();
            Set<String> listeners = new HashSet<>();
            Map<HourRollup.Song, Long> songPlays = new TreeMap<>(Comparator
                    .comparing(HourRollup.Song::song).thenComparing(HourRollup.Song::artists));
            for (Play play : inHour) {
                averages.add(play);
                listeners.add(play.key().name());
                songPlays.merge(new HourRollup.Song(play.song(), play.artists()), 1L, Long::sum);
            }
            rollups.add(new HourRollup(hour, inHour.size(), listeners.size(), averages.count(), averages.values(), songPlays));
        });
        return rollups;
    }

    /** One rollup per listener-day present among the plays, which must be all the plays of those days. */
    public static List<DayRollup> days(Collection<Play> plays) {
        List<DayRollup> rollups = new ArrayList<>();
        groupBy(plays, p -> p.key().day()).forEach((day, inDay) -> {
            Averages averages = new Averages();
            long millis = 0;
            for (Play play : inDay) {
                averages.add(play);
                millis += play.durationMs() == null ? 0 : play.durationMs();
            }
            rollups.add(new DayRollup(day, inDay.size(), averages.count(), millis / MILLIS_PER_MINUTE, averages.values()));
        });
        return rollups;
    }

    private static <K> Map<K, List<Play>> groupBy(Collection<Play> plays, Function<Play, K> key) {
        return plays.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }
}

package dev.listening.streamer.rollup;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The rollups as pure functions: listener-hours from their plays, hours and days from listener-hours. */
public final class Rollups {
    private Rollups() {
    }

    /** One rollup per listener-hour present among the plays, which must be all the plays of those listener-hours. */
    public static Map<ListenerHour, ListenerHourRollup> listenerHours(Collection<Play> plays) {
        Map<ListenerHour, Totals> totals = new LinkedHashMap<>();
        Map<ListenerHour, Map<Song, Long>> songPlays = new HashMap<>();
        for (Play play : plays) {
            totals.merge(play.key(), Totals.of(play), Totals::plus);
            songPlays.computeIfAbsent(play.key(), k -> new HashMap<>()).merge(play.song(), 1L, Long::sum);
        }
        Map<ListenerHour, ListenerHourRollup> rollups = new LinkedHashMap<>();
        totals.forEach((key, sums) -> rollups.put(key, new ListenerHourRollup(key, sums, Map.copyOf(songPlays.get(key)))));
        return rollups;
    }

    /** An hour from the totals of every listener who played in it. */
    public static HourRollup hour(ListenerHour.DateHour hour, Collection<Totals> listenerHours) {
        return new HourRollup(hour, Totals.sum(listenerHours), listenerHours.stream().filter(t -> t.plays() > 0).count());
    }

    /** A listener's day from the totals of each of its hours. */
    public static DayRollup day(ListenerHour.ListenerDay day, Collection<Totals> listenerHours) {
        return new DayRollup(day, Totals.sum(listenerHours));
    }
}

package dev.listening.cql.report;

import dev.listening.cql.query.ResultTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The reports' rankings, as pure functions of the rollup rows read. Most plays first; equal plays
 * share a rank (1, 1, 3) and are listed in the order of their key (song, artist, name, hour), so a
 * report is the same on every run. {@code n} cuts the list after n rows, ties included or not.
 */
public final class Rankings {
    /** How the artists of a song are joined in the catalogue's artists column. */
    static final String ARTIST_SEPARATOR = ", ";
    static final String RANK = "rank";

    private Rankings() {
    }

    /** Songs by their plays summed over the rows given (one date/hour or several). */
    public static ResultTable topSongs(List<SongPlays> rows, int n) {
        Map<List<String>, Long> plays = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        rows.forEach(r -> plays.merge(List.of(r.song(), r.artists()), r.plays(), Long::sum));
        return ranked(new ArrayList<>(plays.entrySet()), Map.Entry::getValue, n, List.of("song", "artists", "plays"),
                e -> List.of(e.getKey().get(0), e.getKey().get(1), e.getValue()));
    }

    /** Artists by plays: a song credited to several artists counts a play for each of them. */
    public static ResultTable topArtists(List<SongPlays> rows, int n) {
        Map<String, Long> plays = new TreeMap<>();
        rows.forEach(r -> Arrays.stream(r.artists().split(ARTIST_SEPARATOR))
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .distinct()
                .forEach(a -> plays.merge(a, r.plays(), Long::sum)));
        return ranked(new ArrayList<>(plays.entrySet()), Map.Entry::getValue, n, List.of("artist", "plays"),
                e -> List.of(e.getKey(), e.getValue()));
    }

    public static ResultTable topListeners(List<ListenerDay> rows, int n) {
        List<ListenerDay> sorted = rows.stream().sorted(Comparator.comparing(ListenerDay::name)).toList();
        return ranked(sorted, ListenerDay::plays, n, List.of("name", "plays", "minutes_listened"),
                d -> List.of(d.name(), d.plays(), d.minutesListened()));
    }

    /** Hours with plays, busiest first; hours without plays are not listed. */
    public static ResultTable busiestHours(List<HourTotals> rows, int n) {
        List<HourTotals> sorted = rows.stream().filter(h -> h.plays() > 0).sorted(Comparator.comparingInt(HourTotals::hour)).toList();
        return ranked(sorted, HourTotals::plays, n, List.of("hour", "plays", "listeners"),
                h -> List.of(h.hour(), h.plays(), h.listeners()));
    }

    /** Sorts by score, descending, keeping the given order among equals (a stable sort); ranks; cuts. */
    private static <T> ResultTable ranked(List<T> inKeyOrder, ToLongFunction<T> score, int n, List<String> columns,
                                          Function<T, List<Object>> cells) {
        List<T> sorted = new ArrayList<>(inKeyOrder);
        sorted.sort(Comparator.comparingLong(score).reversed());
        List<String> header = new ArrayList<>();
        header.add(RANK);
        header.addAll(columns);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(n, sorted.size()); i++) {
            boolean tiesPrevious = i > 0 && score.applyAsLong(sorted.get(i)) == score.applyAsLong(sorted.get(i - 1));
            long rank = tiesPrevious ? (Long) rows.get(i - 1).get(0) : i + 1;
            List<Object> row = new ArrayList<>();
            row.add(rank);
            row.addAll(cells.apply(sorted.get(i)));
            rows.add(row);
        }
        return new ResultTable(header, rows);
    }

    /** Plays of one song in one date/hour (a listening_by_hour row). */
    public record SongPlays(String song, String artists, long plays) {
    }

    /** A listener's day (a listener_daily row), or hour (a listener_hourly row, for the dashboard). */
    public record ListenerDay(String name, long plays, double minutesListened) {
    }

    /** An hour's totals (listening_by_hour's static columns). */
    public record HourTotals(int hour, long plays, long listeners) {
    }
}

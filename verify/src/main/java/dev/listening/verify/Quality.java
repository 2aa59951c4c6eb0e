package dev.listening.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The data-quality checks of {@code verify --quality}, as pure functions of what verify read: each
 * measure against its threshold. A check passes when its measure does not exceed the threshold.
 */
public final class Quality {
    private Quality() {
    }

    /** The limits, each an option of verify. Shares are fractions (0.05 = 5 %). */
    public record Thresholds(double maxJoinMissShare, double maxDeadLetterShare, Instant tsFrom, Instant tsTo,
                             double maxTsOutsideShare, long maxOverlappingListeners, long maxRollupMismatches) {
    }

    /** One line of the quality report. */
    public record Check(String name, String measure, String limit, boolean passed) {
    }

    /** An hour's totals as the rollup holds them, and as the detailed table gives them. */
    public record HourComparison(RollupHour hour, long rollupPlays, long rollupListeners, long rollupSongPlays,
                                 long detailPlays, long detailListeners) {
        public boolean matches() {
            return rollupPlays == detailPlays && rollupListeners == detailListeners && rollupSongPlays == detailPlays;
        }

        String describe() {
            return hour + ": rollup plays " + rollupPlays + " (songs " + rollupSongPlays + "), listeners " + rollupListeners
                    + "; listening_history plays " + detailPlays + ", listeners " + detailListeners;
        }
    }

    /** A UTC date/hour. */
    public record RollupHour(LocalDate date, int hour) implements Comparable<RollupHour> {
        @Override
        public int compareTo(RollupHour other) {
            return Comparator.comparing(RollupHour::date).thenComparingInt(RollupHour::hour).compare(this, other);
        }

        @Override
        public String toString() {
            return date + " " + hour + "h";
        }
    }

    public static List<Check> evaluate(Reconciliation.Report report, List<StoredPlay> plays,
                                       List<HourComparison> sampled, Thresholds limits) {
        List<Check> checks = new ArrayList<>();
        checks.add(share("join misses", report.joinMisses(), report.stored(), "rows", limits.maxJoinMissShare()));
        checks.add(share("dead letters", report.deadLetters(), report.records(), "records", limits.maxDeadLetterShare()));
        long outside = plays.stream().filter(p -> p.ts().isBefore(limits.tsFrom()) || p.ts().isAfter(limits.tsTo())).count();
        Check window = share("ts outside window", outside, plays.size(), "rows", limits.maxTsOutsideShare());
        checks.add(new Check(window.name(), window.measure() + " [" + limits.tsFrom() + ", " + limits.tsTo() + "]",
                window.limit(), window.passed()));
        Map<String, Long> overlapping = overlappingPlays(plays);
        long overlaps = overlapping.values().stream().mapToLong(Long::longValue).sum();
        checks.add(new Check("overlapping plays", overlapping.size() + " listeners (" + overlaps + " plays)",
                String.valueOf(limits.maxOverlappingListeners()), overlapping.size() <= limits.maxOverlappingListeners()));
        long mismatches = sampled.stream().filter(h -> !h.matches()).count();
        checks.add(new Check("rollups = history", mismatches + " of " + sampled.size() + " sampled hours differ",
                String.valueOf(limits.maxRollupMismatches()), mismatches <= limits.maxRollupMismatches()));
        return checks;
    }

    /**
     * Per listener, the plays that start before the listener's previous play (of a known song, so
     * of a known duration) has ended: two songs at once.
     */
    public static Map<String, Long> overlappingPlays(Collection<StoredPlay> plays) {
        Map<String, Long> overlapping = new TreeMap<>();
        plays.stream().collect(Collectors.groupingBy(StoredPlay::name)).forEach((name, own) -> {
            List<StoredPlay> sorted = own.stream().sorted(Comparator.comparing(StoredPlay::ts)).toList();
            Instant busyUntil = Instant.MIN;
            long count = 0;
            for (StoredPlay play : sorted) {
                if (play.ts().isBefore(busyUntil)) {
                    count++;
                }
                if (play.durationMs() != null && play.ts().plusMillis(play.durationMs()).isAfter(busyUntil)) {
                    busyUntil = play.ts().plusMillis(play.durationMs());
                }
            }
            if (count > 0) {
                overlapping.put(name, count);
            }
        });
        return overlapping;
    }

    /** Up to {@code n} hours spread evenly over the sorted hours, first and last included. */
    public static List<RollupHour> sample(Collection<RollupHour> hours, int n) {
        List<RollupHour> sorted = hours.stream().distinct().sorted().toList();
        if (sorted.size() <= n) {
            return sorted;
        }
        List<RollupHour> sample = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sample.add(sorted.get(n == 1 ? 0 : (int) Math.round(i * (sorted.size() - 1) / (double) (n - 1))));
        }
        return sample;
    }

    public static List<String> mismatches(List<HourComparison> sampled) {
        return sampled.stream().filter(h -> !h.matches()).map(HourComparison::describe).toList();
    }

    private static Check share(String name, long count, long of, String what, double limit) {
        double share = of == 0 ? 0 : count / (double) of;
        return new Check(name, String.format("%,d of %,d %s (%.2f %%)", count, of, what, 100 * share),
                String.format("%.2f %%", 100 * limit), share <= limit);
    }
}

package dev.listening.cql.query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** One partition of listening_history: a listener's plays in one hour of one day. */
public record Partition(String name, LocalDate date, int hour) {
    /** Later day, then later hour; between listeners of the same hour the alphabetically first wins. */
    static final Comparator<Partition> RECENCY = Comparator.comparing(Partition::date)
            .thenComparingInt(Partition::hour)
            .thenComparing(Partition::name, Comparator.reverseOrder());

    public static Optional<Partition> mostRecent(Collection<Partition> partitions) {
        return partitions.stream().max(RECENCY);
    }
}

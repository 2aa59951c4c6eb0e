package dev.listening.cql.query;

import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The named bind markers a query file may use, one per partition-key column of listening_history,
 * and the option of ./pipeline query that gives each its value.
 */
public enum Marker {
    NAME(EventField.NAME.jsonName(), Marker.USER_OPTION, "a name"),
    DATE(HistoryColumn.DATE, Marker.DATE_OPTION, "a date"),
    HOUR(HistoryColumn.HOUR, Marker.HOUR_OPTION, "an hour (int)");

    public static final String USER_OPTION = "--user";
    public static final String DATE_OPTION = "--date";
    public static final String HOUR_OPTION = "--hour";

    private final String marker;
    private final String option;
    private final String gives;

    Marker(String marker, String option, String gives) {
        this.marker = marker;
        this.option = option;
        this.gives = gives;
    }

    /** The marker's name without the colon, which is also the column it stands for. */
    public String marker() {
        return marker;
    }

    public String option() {
        return option;
    }

    /** What the option's value is, for a message when a query binds it to a column of another type. */
    String gives() {
        return gives;
    }

    public static Optional<Marker> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.marker.equals(name)).findFirst();
    }

    /** ":name, :date, :hour". */
    static String list() {
        return Arrays.stream(values()).map(m -> ":" + m.marker).collect(Collectors.joining(", "));
    }

    /** "--user, --date and --hour" (or "or") for the given markers, in declaration order. */
    static String options(Collection<Marker> markers, String conjunction) {
        List<String> options = Arrays.stream(values()).filter(markers::contains).map(Marker::option).toList();
        if (options.size() < 2) {
            return String.join("", options);
        }
        return String.join(", ", options.subList(0, options.size() - 1)) + " " + conjunction + " " + options.get(options.size() - 1);
    }
}

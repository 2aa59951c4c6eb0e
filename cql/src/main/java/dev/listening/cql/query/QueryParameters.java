package dev.listening.cql.query;

import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import dev.listening.contract.UserError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Values for a query's markers, typed and checked: a name (text), a date (LocalDate), an hour 0-23 (int). */
public final class QueryParameters {
    public static final QueryParameters NONE = new QueryParameters(new EnumMap<>(Marker.class));

    private final Map<Marker, Object> values;

    private QueryParameters(Map<Marker, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** From the command line; each argument may be null (not given). Nothing is trimmed: a name is data. */
    public static QueryParameters parse(String user, String date, String hour) {
        Map<Marker, Object> values = new EnumMap<>(Marker.class);
        if (user != null) {
            if (user.isEmpty()) {
                throw new UserError(Marker.USER_OPTION + " is empty");
            }
            values.put(Marker.NAME, user);
        }
        if (date != null) {
            values.put(Marker.DATE, date(date));
        }
        if (hour != null) {
            values.put(Marker.HOUR, hour(hour));
        }
        return new QueryParameters(values);
    }

    public static QueryParameters of(Partition partition) {
        Map<Marker, Object> values = new EnumMap<>(Marker.class);
        values.put(Marker.NAME, partition.name());
        values.put(Marker.DATE, partition.date());
        values.put(Marker.HOUR, partition.hour());
        return new QueryParameters(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Set<Marker> given() {
        return values.keySet();
    }

    /** The value for a marker, or null when none was given. */
    public Object value(Marker marker) {
        return values.get(marker);
    }

    /** These parameters restricted to the markers a query uses. */
    public QueryParameters only(Collection<Marker> markers) {
        Map<Marker, Object> kept = new EnumMap<>(Marker.class);
        values.forEach((marker, value) -> {
            if (markers.contains(marker)) {
                kept.put(marker, value);
            }
        });
        return new QueryParameters(kept);
    }

    /** Marker name to value, in marker order. */
    public Map<String, Object> byMarkerName() {
        Map<String, Object> named = new LinkedHashMap<>();
        values.forEach((marker, value) -> named.put(marker.marker(), value));
        return named;
    }

    /** As CQL literals, e.g. {@code name = 'O''Connor', date = '2024-05-01', hour = 13}; "none" when empty. */
    public String describe() {
        if (values.isEmpty()) {
            return "none";
        }
        return values.entrySet().stream()
                .map(e -> e.getKey().marker() + " = " + CodecRegistry.DEFAULT.codecFor(e.getValue()).format(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryParameters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UserError(Marker.DATE_OPTION + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static int hour(String text) {
        int hour;
        try {
            hour = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw notAnHour(text);
        }
        if (hour < 0 || hour > 23) {
            throw notAnHour(text);
        }
        return hour;
    }

    private static UserError notAnHour(String text) {
        return new UserError(Marker.HOUR_OPTION + " '" + text + "' is not an hour of the day (0-23)");
    }
}

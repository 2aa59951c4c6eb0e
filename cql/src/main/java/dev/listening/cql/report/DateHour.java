package dev.listening.cql.report;

import dev.listening.contract.UserError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** A UTC date/hour: the key of a listening_by_hour partition. */
public record DateHour(LocalDate date, int hour) {
    static final int HOURS_PER_DAY = 24;

    public DateHour {
        if (hour < 0 || hour >= HOURS_PER_DAY) {
            throw new UserError("--hour " + hour + " is not an hour of the day (0-23)");
        }
    }

    public static List<DateHour> allOf(LocalDate date) {
        return IntStream.range(0, HOURS_PER_DAY).mapToObj(h -> new DateHour(date, h)).toList();
    }

    /** Every hour of the days from {@code from} to {@code to}, both included. */
    public static List<DateHour> allOf(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new UserError("--to " + to + " is before --from " + from);
        }
        List<DateHour> hours = new ArrayList<>();
        from.datesUntil(to.plusDays(1)).forEach(d -> hours.addAll(allOf(d)));
        return hours;
    }
}

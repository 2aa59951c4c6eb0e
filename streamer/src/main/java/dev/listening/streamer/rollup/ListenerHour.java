package dev.listening.streamer.rollup;

import java.time.LocalDate;

/** One listening_history partition: a listener's UTC date/hour. */
public record ListenerHour(String name, LocalDate date, int hour) {
    public ListenerDay day() {
        return new ListenerDay(name, date);
    }

    public DateHour dateHour() {
        return new DateHour(date, hour);
    }

    /** A listener's UTC day. */
    public record ListenerDay(String name, LocalDate date) {
    }

    /** A UTC date/hour. */
    public record DateHour(LocalDate date, int hour) {
    }
}

package dev.listening.streamer.rollup;

/** The totals of a listening_by_hour partition: its static columns. */
public record HourRollup(ListenerHour.DateHour hour, Totals totals, long listeners) {
}

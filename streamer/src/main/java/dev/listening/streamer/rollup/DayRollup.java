package dev.listening.streamer.rollup;

/** A listener_daily row. */
public record DayRollup(ListenerHour.ListenerDay day, Totals totals) {
}

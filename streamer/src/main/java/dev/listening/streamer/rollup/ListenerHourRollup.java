package dev.listening.streamer.rollup;

import java.util.Map;

/** A listener_hourly row, and the listener's plays per song in that hour (rows of listener_song_hourly). */
public record ListenerHourRollup(ListenerHour key, Totals totals, Map<Song, Long> songPlays) {
}

package dev.listening.streamer.rollup;

import java.util.List;
import java.util.Map;

/**
 * A listening_by_hour partition.
 *
 * @param averages  the averaged features in {@link dev.listening.contract.RollupColumn#AVERAGED} order,
 *                  nulls when no play had features
 * @param songPlays plays per song
 */
public record HourRollup(ListenerHour.DateHour hour, long plays, long listeners, long playsWithFeatures,
                         List<Double> averages, Map<Song, Long> songPlays) {
    /** A song is its title and its artists: a title alone repeats. */
    public record Song(String song, String artists) {
    }
}

package dev.listening.streamer.rollup;

import java.util.List;

/**
 * A listener_daily row.
 *
 * @param averages the averaged features in {@link dev.listening.contract.RollupColumn#AVERAGED} order,
 *                 nulls when no play had features
 */
public record DayRollup(ListenerHour.ListenerDay day, long plays, long playsWithFeatures, double minutesListened,
                        List<Double> averages) {
}

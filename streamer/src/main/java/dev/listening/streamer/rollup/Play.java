package dev.listening.streamer.rollup;

import java.util.List;

/**
 * What the rollups need of one listening_history row.
 *
 * @param durationMs null when the song was not found in the catalogue
 * @param features   the {@link dev.listening.contract.RollupColumn#AVERAGED} features in that order,
 *                   null when the song was not found
 */
public record Play(ListenerHour key, Song song, Long durationMs, List<Double> features) {
    public boolean hasFeatures() {
        return features != null;
    }
}

package dev.listening.producer.habits;

import dev.listening.contract.SongColumn;
import dev.listening.producer.songs.Song;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Song popularity: the songs ranked in a seeded order, rank r (from 1) drawn with weight 1/r^s
 * (Zipf: a few hits, a long tail). A listener's pick is then kept with the probability their taste
 * gives the song (a Gaussian of the distance between its danceability/energy and the listener's
 * preferences), else drawn again: popular songs stay popular, but each listener's plays lean their way.
 */
public final class Popularity {
    /** The Zipf exponent: frequency of rank r is proportional to r^-EXPONENT. */
    public static final double EXPONENT = 1.0;
    /** Width of a taste: songs this far (in danceability/energy) from a listener's preference are kept 61 % of the time. */
    private static final double TASTE_WIDTH = 0.2;
    /** Draws per pick before taking the last one: bounds the cost for a listener with a very narrow taste. */
    private static final int MAX_DRAWS = 64;

    private final List<Song> ranked;
    private final double[] cumulative;

    public Popularity(List<Song> songs, long seed) {
        List<Song> order = new ArrayList<>(songs);
        Collections.shuffle(order, new Random(seed));
        this.ranked = List.copyOf(order);
        this.cumulative = new double[ranked.size()];
        double sum = 0;
        for (int r = 0; r < cumulative.length; r++) {
            sum += Math.pow(r + 1, -EXPONENT);
            cumulative[r] = sum;
        }
    }

    /** The songs from most to least popular. */
    public List<Song> ranked() {
        return ranked;
    }

    public Song pick(Habits habits, SplittableRandom random) {
        Song song = null;
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            song = byPopularity(random);
            if (random.nextDouble() < affinity(habits, song)) {
                return song;
            }
        }
        return song;
    }

    private Song byPopularity(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int index = Arrays.binarySearch(cumulative, target);
        return ranked.get(index >= 0 ? index : -index - 1);
    }

    static double affinity(Habits habits, Song song) {
        double d = (Double) song.value(SongColumn.DANCEABILITY) - habits.danceability();
        double e = (Double) song.value(SongColumn.ENERGY) - habits.energy();
        return Math.exp(-(d * d + e * e) / (2 * TASTE_WIDTH * TASTE_WIDTH));
    }
}

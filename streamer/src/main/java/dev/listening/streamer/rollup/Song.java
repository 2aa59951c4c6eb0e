package dev.listening.streamer.rollup;

/** A song is its title and its artists: a title alone repeats. */
public record Song(String song, String artists) {
}

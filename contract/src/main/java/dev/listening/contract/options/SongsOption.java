package dev.listening.contract.options;

import dev.listening.contract.Env;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --songs: the songs CSV that events take their songs from and the streamer joins them with. */
public final class SongsOption {
    /** Relative to the project root. */
    public static final String DEFAULT_SONGS = "data/spotify-songs.csv";

    @Option(names = "--songs", paramLabel = "PATH", defaultValue = Env.ROOT_OPTION + "/" + DEFAULT_SONGS,
            description = "Songs CSV (for a streamer on a cluster: a path every executor can read). Default: ${DEFAULT-VALUE}.")
    Path songs;

    public Path songs() {
        return songs.toAbsolutePath().normalize();
    }
}

package dev.listening.cli.bench;

import dev.listening.contract.StreamerOptions;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --songs: the songs CSV a benchmark's events (and its streamer) take their songs from. */
public final class SongsOption {
    @Option(names = "--songs", paramLabel = "PATH",
            defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/" + StreamerOptions.DEFAULT_SONGS,
            description = "Songs CSV. Default: ${DEFAULT-VALUE}.")
    Path songs;

    Path songs() {
        return songs.toAbsolutePath();
    }
}

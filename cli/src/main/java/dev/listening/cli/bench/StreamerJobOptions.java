package dev.listening.cli.bench;

import dev.listening.cli.HomeOption;
import dev.listening.contract.options.SongsOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How a benchmark runs the streamer job: the same options for every bench command that starts one. */
public final class StreamerJobOptions {
    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[2]",
            description = "Spark master of the streamer. Default: ${DEFAULT-VALUE}.")
    String master;

    @Mixin
    SongsOption songs;

    @Mixin
    HomeOption home;

    String master() {
        return master;
    }

    Path songs() {
        return songs.songs();
    }

    Path home() {
        return home.home();
    }
}

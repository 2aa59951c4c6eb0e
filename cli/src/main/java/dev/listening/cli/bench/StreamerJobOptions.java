package dev.listening.cli.bench;

import dev.listening.cli.HomeOption;
import dev.listening.cli.MasterOption;
import dev.listening.contract.options.SongsOption;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;

/** How a benchmark runs the streamer job: the same options for every bench command that starts one. */
public final class StreamerJobOptions {
    @Mixin
    MasterOption master = new MasterOption("local[2]");

    @Mixin
    SongsOption songs;

    @Mixin
    HomeOption home;

    String master() {
        return master.master();
    }

    Path songs() {
        return songs.songs();
    }

    Path home() {
        return home.home();
    }
}

package dev.listening.cli.bench;

import dev.listening.contract.Env;
import dev.listening.stack.ProjectRoot;
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

    @Option(names = "--home", paramLabel = "DIR", defaultValue = Env.HOME_OPTION,
            description = "Checkpoints and Spark's scratch space; relative to the project root (env " + Env.HOME
                    + "). Default: ${DEFAULT-VALUE}.")
    String home;

    String master() {
        return master;
    }

    Path songs() {
        return songs.songs();
    }

    Path home(Path root) {
        return ProjectRoot.home(root, home);
    }
}

package dev.listening.cli;

import dev.listening.contract.Env;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --home: where the local stack keeps its data, logs and pid files, and the streamer its checkpoints. */
public final class HomeOption {
    @Option(names = "--home", paramLabel = "DIR", defaultValue = Env.HOME_OPTION,
            description = "Service data, logs and pid files, checkpoints and Spark's scratch space; relative paths are "
                    + "taken from the project root (env " + Env.HOME + "). Default: ${DEFAULT-VALUE}.")
    String home;

    public Path root() {
        return ProjectRoot.get();
    }

    public Path home() {
        return ProjectRoot.home(root(), home);
    }
}

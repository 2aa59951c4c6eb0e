package dev.listening.contract.options;

import dev.listening.contract.Env;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --out-dir: where query and report results go, output/ under the project root unless told otherwise. */
public final class OutputDirOption {
    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = Env.ROOT_OPTION + "/output",
            description = "Where the result files go. Default: ${DEFAULT-VALUE}.")
    Path outDir;

    public Path outDir() {
        return outDir;
    }
}

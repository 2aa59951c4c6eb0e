package dev.listening.contract.options;

import dev.listening.contract.Env;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * --out-dir: where a command's result files go, output/ under the project root unless the command
 * gives its own default ({@code @Mixin OutputDirOption outDir = new OutputDirOption("output/bench");}).
 * The default is the field's initial value, so --help shows each command's own.
 */
public final class OutputDirOption {
    @Option(names = "--out-dir", paramLabel = "DIR", description = "Where the result files go. Default: ${DEFAULT-VALUE}.")
    Path outDir;

    public OutputDirOption() {
        this("output");
    }

    /** {@code directory} under the project root. */
    public OutputDirOption(String directory) {
        outDir = Path.of(System.getProperty(Env.ROOT_PROPERTY, ".")).resolve(directory);
    }

    public Path outDir() {
        return outDir;
    }
}

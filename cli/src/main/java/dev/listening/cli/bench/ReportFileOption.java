package dev.listening.cli.bench;

import dev.listening.contract.Env;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** --out: a bench command's report, named after the command (picocli fills in ${COMMAND-NAME}, in --help too). */
public final class ReportFileOption {
    /** Where the benchmarks' reports go unless told otherwise. */
    static final String DIRECTORY = "output/bench";
    static final String NAME = "--out";

    @Option(names = NAME, paramLabel = "FILE", defaultValue = Env.ROOT_OPTION + "/" + DIRECTORY + "/${COMMAND-NAME}.md",
            description = "The report, with any logs of the run next to it. Default: ${DEFAULT-VALUE}.")
    Path out;
}

package dev.listening.cli.bench;

import picocli.CommandLine.Option;

/** --listeners of the benchmarks that write timestamped events of their own (reports, rollups). */
public final class ListenersOption {
    @Option(names = "--listeners", paramLabel = "N", defaultValue = "50", description = "Listeners. Default: ${DEFAULT-VALUE}.")
    int listeners;
}

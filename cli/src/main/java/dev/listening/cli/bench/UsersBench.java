package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import dev.listening.bench.UsersThroughput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

/** ./pipeline bench users: profiles/s of ./pipeline users next to datafaker drawing the bare fields. */
@Command(name = "users", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Makes --count listener profiles the way ./pipeline users does (unique names, a real city of the "
                        + "country, a device, habits, written as JSON) and, alternating, the reference: datafaker "
                        + "drawing a full name, a city name and a random UUID per profile, nothing checked or written.",
                "Needs no service. Prints profiles/s of both and their ratio (target: >= 0.5) and writes them to --out."})
public final class UsersBench extends ReportedBench<List<UsersThroughput.Round>> {
    @Option(names = "--count", paramLabel = "N", defaultValue = "100000",
            description = "Profiles per run (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds, each one run of both after a warm-up (default ${DEFAULT-VALUE}).")
    int rounds;

    @Mixin
    ReportFileOption out;

    @Override
    Benchmark<List<UsersThroughput.Round>> benchmark() {
        return new UsersThroughput(count, rounds);
    }
}

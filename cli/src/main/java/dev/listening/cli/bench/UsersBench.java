package dev.listening.cli.bench;

import dev.listening.contract.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** ./pipeline bench users: profiles/s of ./pipeline users next to datafaker drawing the bare fields. */
@Command(name = "users", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Makes --count listener profiles the way ./pipeline users does (unique names, a real city of the "
                        + "country, a device, habits, written as JSON) and, alternating, the reference: datafaker "
                        + "drawing a full name, a city name and a random UUID per profile, nothing checked or written.",
                "Needs no service. Prints profiles/s of both and their ratio (target: >= 0.5) and writes them to --out."})
public final class UsersBench implements Callable<Integer> {
    @Option(names = "--count", paramLabel = "N", defaultValue = "100000",
            description = "Profiles per run (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds, each one run of both after a warm-up (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "${sys:pipeline.root:-.}/output/bench/users.md",
            description = "Where the results go (default ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (count < 1 || rounds < 1) {
            throw new UserError("--count and --rounds must be at least 1");
        }
        List<UsersThroughput.Round> result = new UsersThroughput(count).measure(rounds);
        List<String> lines = new ArrayList<>();
        lines.add("# Listener profiles: ./pipeline users vs bare datafaker");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + count + " profiles per run, "
                + Runtime.getRuntime().availableProcessors() + " cores, one thread");
        lines.add("");
        lines.add("| round | ours (profiles/s) | datafaker alone (profiles/s) | ratio |");
        lines.add("|---:|---:|---:|---:|");
        for (int i = 0; i < result.size(); i++) {
            UsersThroughput.Round round = result.get(i);
            lines.add(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |", i + 1, round.ours(), round.reference(),
                    round.ours() / round.reference()));
        }
        // the median of the rounds' ratios: one round of either side slowed or sped up by the shared machine moves it least
        double[] ratios = result.stream().mapToDouble(r -> r.ours() / r.reference()).sorted().toArray();
        double median = ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
        lines.add("");
        lines.add(String.format(Locale.ROOT, "median ratio of the rounds %.2f (target >= 0.5)", median));
        lines.forEach(spec.commandLine().getOut()::println);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines);
        return 0;
    }
}

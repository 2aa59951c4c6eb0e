package dev.listening.bench;

import dev.listening.contract.UserError;
import dev.listening.producer.habits.ProfileFile;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.listeners.Market;
import net.datafaker.Faker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/** Times {@code ./pipeline users}' work and the reference in the same JVM, alternating, after one warm-up of each. */
public final class UsersThroughput implements Benchmark<List<UsersThroughput.Round>> {
    private static final Logger LOG = LoggerFactory.getLogger(UsersThroughput.class);
    private static final long SEED = 9;

    private final int count;
    private final int rounds;

    public UsersThroughput(int count, int rounds) {
        if (count < 1 || rounds < 1) {
            throw new UserError("--count and --rounds must be at least 1");
        }
        this.count = count;
        this.rounds = rounds;
    }

    public record Round(double ours, double reference) {
    }

    @Override
    public List<Round> measure() {
        Path dir;
        try {
            dir = Files.createTempDirectory("bench-users");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path file = dir.resolve("users.json");
            // a full run of each first: the JIT needs tens of thousands of profiles to settle
            ours(count, file);
            reference(count);
            List<Round> result = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                double ours = ours(count, file);
                double reference = reference(count);
                LOG.info(String.format(Locale.ROOT, "round %d: ours %.0f profiles/s, reference %.0f profiles/s",
                        round, ours, reference));
                result.add(new Round(ours, reference));
            }
            return result;
        } finally {
            try {
                Files.deleteIfExists(dir.resolve("users.json"));
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", dir, e.toString());
            }
        }
    }

    private static double ours(int n, Path file) {
        long start = System.nanoTime();
        ProfileFile.write(Listeners.generate(n, List.of(), SEED), file);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Datafaker's own way to a user: a full name, a city name and an id from the same markets, nothing more. */
    private static double reference(int n) {
        Random random = new Random(SEED);
        Market[] markets = Market.values();
        Faker[] fakers = new Faker[markets.length];
        long start = System.nanoTime();
        long chars = 0;
        for (int i = 0; i < n; i++) {
            int m = random.nextInt(markets.length);
            if (fakers[m] == null) {
                fakers[m] = markets[m].faker(random);
            }
            Faker faker = fakers[m];
            chars += faker.name().fullName().length() + faker.address().cityName().length()
                    + new UUID(random.nextLong(), random.nextLong()).toString().length();
        }
        double perSecond = n / ((System.nanoTime() - start) / 1e9);
        LOG.debug("reference drew {} characters", chars);
        return perSecond;
    }

    @Override
    public List<String> report(List<Round> result) {
        List<String> lines = new ArrayList<>();
        lines.add("# Listener profiles: ./pipeline users vs bare datafaker");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + count + " profiles per run, "
                + Runtime.getRuntime().availableProcessors() + " cores, one thread");
        lines.add("");
        lines.add("| round | ours (profiles/s) | datafaker alone (profiles/s) | ratio |");
        lines.add("|---:|---:|---:|---:|");
        for (int i = 0; i < result.size(); i++) {
            Round round = result.get(i);
            lines.add(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.2f |", i + 1, round.ours(), round.reference(),
                    round.ours() / round.reference()));
        }
        // the median of the rounds' ratios: one round of either side slowed or sped up by the shared machine moves it least
        double[] ratios = result.stream().mapToDouble(r -> r.ours() / r.reference()).sorted().toArray();
        double median = ratios.length % 2 == 1 ? ratios[ratios.length / 2]
                : (ratios[ratios.length / 2 - 1] + ratios[ratios.length / 2]) / 2;
        lines.add("");
        lines.add(String.format(Locale.ROOT, "median ratio of the rounds %.2f (target >= 0.5)", median));
        return lines;
    }
}

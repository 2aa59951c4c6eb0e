package dev.listening.producer;

import dev.listening.contract.UserError;
import dev.listening.producer.habits.ProfileFile;
import dev.listening.producer.listeners.Listener;
import dev.listening.producer.listeners.Listeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** ./pipeline users: the producer's listener profiles as a JSON file. */
@Command(name = "users", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes listener profiles as one JSON array: user_id, name, a country and one of its real cities, "
                        + "its time zone, a device (os, client, device type that go together) and listening habits "
                        + "(preferred danceability and energy, skip rate, plays per session, sessions per day).",
                "The same --seed gives the same listeners as ./pipeline produce --seed with as many --listeners.",
                "Prints one line at the end: profiles written and profiles/s."})
public final class UsersCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(UsersCommand.class);

    @Option(names = "--count", paramLabel = "N", defaultValue = "100",
            description = "Profiles to make (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "users.json",
            description = "JSON file to write (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Add a listener with this name (repeatable), as produce --user does.")
    List<String> users = List.of();

    @Option(names = "--seed", description = "Makes the profiles reproducible (random if absent; the seed used is logged).")
    Long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (count < 0 || count == 0 && users.isEmpty()) {
            throw new UserError("--count must be positive (or give --user NAME), not " + count);
        }
        long profileSeed = seed != null ? seed : new SecureRandom().nextLong();
        LOG.info("making {} profiles, seed {}", count + users.size(), profileSeed);
        long start = System.nanoTime();
        List<Listener> listeners = Listeners.generate(count, users, profileSeed);
        long written = ProfileFile.write(listeners, out);
        double seconds = (System.nanoTime() - start) / 1e9;
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "wrote %d profiles to %s in %.3f s (%.0f profiles/s)",
                written, out, seconds, written / seconds));
        return 0;
    }
}

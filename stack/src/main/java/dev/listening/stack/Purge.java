package dev.listening.stack;

import dev.listening.contract.Env;
import dev.listening.contract.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** `down --purge`: deletes PIPELINE_HOME (data, logs, checkpoints), and nothing that is not a directory of its own. */
public final class Purge {
    private Purge() {
    }

    /** Call it once the services are stopped. */
    public static void home(Path root, Path home) {
        requireOwnDirectory(root, home);
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Guards against a PIPELINE_HOME set to the project, the user's home, or one of their parents. */
    static void requireOwnDirectory(Path root, Path home) {
        Path userHome = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (home.getNameCount() < 2 || root.startsWith(home) || userHome.startsWith(home)) {
            throw new UserError("refusing to delete " + home + ": " + Env.HOME + " must be a directory of its own, such as "
                    + root.resolve(Env.DEFAULT_HOME));
        }
    }
}

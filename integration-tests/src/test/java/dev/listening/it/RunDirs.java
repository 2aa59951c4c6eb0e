package dev.listening.it;

import dev.listening.stack.LocalStack;
import dev.listening.stack.ProjectRoot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Directories under integration-tests/target/ owned by one test JVM, so that test runs going on at
 * the same time in one checkout never share (or stop) each other's services.
 */
final class RunDirs {
    private static final String PREFIX = "jvm-";

    private RunDirs() {
    }

    /**
     * A fresh, empty target/NAME/jvm-PID/. Directories of test JVMs that are gone are cleaned up first:
     * services a killed run left behind are stopped through their pid files, then the files deleted.
     */
    static Path fresh(String name) {
        Path parent = ProjectRoot.get().resolve("integration-tests").resolve("target").resolve(name);
        try {
            Files.createDirectories(parent);
            try (Stream<Path> dirs = Files.list(parent)) {
                for (Path dir : dirs.filter(RunDirs::ownerIsGone).toList()) {
                    removeWithServices(dir);
                }
            }
            Path mine = parent.resolve(PREFIX + ProcessHandle.current().pid());
            removeWithServices(mine);
            return Files.createDirectories(mine);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the local stack whose PIPELINE_HOME is {@code dir}/home, then deletes {@code dir}. */
    static void removeWithServices(Path dir) {
        try {
            LocalStack.stop(home(dir), LocalStack.STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        LocalStack.purge(ProjectRoot.get(), dir);
    }

    static Path home(Path runDir) {
        return runDir.resolve("home");
    }

    private static boolean ownerIsGone(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.substring(PREFIX.length()).matches("\\d+")) {
            return false;
        }
        long pid = Long.parseLong(name.substring(PREFIX.length()));
        return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}

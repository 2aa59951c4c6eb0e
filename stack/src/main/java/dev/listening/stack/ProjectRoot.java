package dev.listening.stack;

import dev.listening.contract.Env;

import java.nio.file.Path;

/** The project root, where data/, cql/ and the service runtimes' classpath files are. */
public final class ProjectRoot {
    /** Set by ./pipeline and by failsafe; without it, the current directory. */
    public static final String PROPERTY = Env.ROOT_PROPERTY;

    private ProjectRoot() {
    }

    public static Path get() {
        return Path.of(System.getProperty(PROPERTY, "")).toAbsolutePath().normalize();
    }

    /** PIPELINE_HOME as an absolute path: a relative one is taken from the project root, not the current directory. */
    public static Path home(Path root, String home) {
        return root.resolve(home).toAbsolutePath().normalize();
    }
}

package dev.listening.bench.profile;

import java.util.List;

/** A named part of a process's work, recognised in a sampled stack by the packages or classes of its frames. */
public record Stage(String name, Kind kind, List<String> prefixes) {
    /** How a stage claims a stack; {@link Stages#of} tries the kinds in this order. */
    public enum Kind {
        /**
         * Every stack that passes through it: a rollup's requests are rollup work, whatever the driver does for them.
         */
        ANYWHERE,
        /** The stacks whose innermost frame recognised by any such stage is its own. */
        INNERMOST,
        /** The rest of a library, for the stacks no other stage claims. */
        FALLBACK
    }

    public Stage {
        prefixes = List.copyOf(prefixes);
    }

    static Stage anywhere(String name, String... prefixes) {
        return new Stage(name, Kind.ANYWHERE, List.of(prefixes));
    }

    static Stage innermost(String name, String... prefixes) {
        return new Stage(name, Kind.INNERMOST, List.of(prefixes));
    }

    static Stage fallback(String name, String... prefixes) {
        return new Stage(name, Kind.FALLBACK, List.of(prefixes));
    }

    boolean matches(String frame) {
        return prefixes.stream().anyMatch(frame::startsWith);
    }
}

package dev.listening.stack;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;

class PurgeTest {
    private static final Path ROOT = Path.of("/work/project");

    @Test
    void purgeDeletesOnlyADirectoryOfItsOwn() {
        Purge.requireOwnDirectory(ROOT, ROOT.resolve(".pipeline"));
        Purge.requireOwnDirectory(ROOT, Path.of("/tmp/stack"));
    }

    @Test
    void purgeRefusesTheProjectTheUserHomeAndTheirParents() {
        assertThrows(UserError.class, () -> Purge.requireOwnDirectory(ROOT, ROOT));
        assertThrows(UserError.class, () -> Purge.requireOwnDirectory(ROOT, Path.of("/work")));
        assertThrows(UserError.class, () -> Purge.requireOwnDirectory(ROOT, Path.of("/")));
        assertThrows(UserError.class, () -> Purge.requireOwnDirectory(ROOT,
                Path.of(System.getProperty("user.home")).toAbsolutePath().normalize()));
    }
}

package dev.listening.stack;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;

class LocalStackTest {
    private static final Path ROOT = Path.of("/work/project");

    @Test
    void purgeDeletesOnlyADirectoryOfItsOwn() {
        LocalStack.requireOwnDirectory(ROOT, ROOT.resolve(".pipeline"));
        LocalStack.requireOwnDirectory(ROOT, Path.of("/tmp/stack"));
    }

    @Test
    void purgeRefusesTheProjectTheUserHomeAndTheirParents() {
        assertThrows(UserError.class, () -> LocalStack.requireOwnDirectory(ROOT, ROOT));
        assertThrows(UserError.class, () -> LocalStack.requireOwnDirectory(ROOT, Path.of("/work")));
        assertThrows(UserError.class, () -> LocalStack.requireOwnDirectory(ROOT, Path.of("/")));
        assertThrows(UserError.class, () -> LocalStack.requireOwnDirectory(ROOT,
                Path.of(System.getProperty("user.home")).toAbsolutePath().normalize()));
    }
}

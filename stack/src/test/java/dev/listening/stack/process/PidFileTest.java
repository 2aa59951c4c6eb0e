package dev.listening.stack.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class PidFileTest {
    @TempDir
    Path dir;

    @Test
    void holdsJustThePidSoThatKillCatWorks() throws IOException {
        PidFile file = new PidFile(dir.resolve("kafka.pid"));
        file.write(4242);
        assertEquals("4242\n", Files.readString(file.path()));
        assertEquals(OptionalLong.of(4242), file.read());
        file.delete();
        assertFalse(Files.exists(file.path()));
        assertEquals(OptionalLong.empty(), file.read());
    }

    @Test
    void garbageReadsAsNoPid() throws IOException {
        PidFile file = new PidFile(dir.resolve("kafka.pid"));
        Files.writeString(file.path(), "not a pid");
        assertEquals(OptionalLong.empty(), file.read());
    }
}

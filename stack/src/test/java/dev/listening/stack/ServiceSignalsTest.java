package dev.listening.stack;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LocalStack.kill and terminate on a real JVM that names its service directory, as every service's command line does. */
class ServiceSignalsTest {
    private static final String SERVICE = "sleeper";
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final int SIGTERM_EXIT = 128 + 15;

    @TempDir
    Path home;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void nothingLeftRunning() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void killEndsTheServiceOfThePidFileWithoutShutdownAndKeepsThePidFile() throws Exception {
        Process service = start();

        LocalStack.kill(home, SERVICE);

        assertEquals(SIGKILL_EXIT, service.waitFor());
        assertTrue(LocalStack.pidFile(home.resolve(SERVICE), SERVICE).read().isPresent(), "left as after a crash");
    }

    @Test
    void terminateLetsTheServiceShutDown() throws Exception {
        Process service = start();

        LocalStack.terminate(home, SERVICE);

        assertEquals(SIGTERM_EXIT, service.waitFor());
    }

    @Test
    void aPidFileOfAnotherProcessOrNoneIsRefused() throws IOException {
        assertThrows(UserError.class, () -> LocalStack.kill(home, SERVICE));
        Files.createDirectories(home.resolve(SERVICE));
        LocalStack.pidFile(home.resolve(SERVICE), SERVICE).write(ProcessHandle.current().pid());
        assertThrows(UserError.class, () -> LocalStack.kill(home, SERVICE), "this JVM does not name the service's directory");
    }

    /** A JVM running a source file from the service's directory, with its pid file written as the stack writes it. */
    private Process start() throws IOException {
        Path dir = Files.createDirectories(home.resolve(SERVICE));
        Path source = Files.writeString(dir.resolve("Sleeper.java"),
                "public class Sleeper { public static void main(String[] a) throws Exception { Thread.sleep(600_000); } }");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, source.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(process);
        LocalStack.pidFile(dir, SERVICE).write(process.pid());
        return process;
    }
}

package dev.listening.stack.process;

import dev.listening.contract.UserError;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A service JVM: one this process launched, or one found again through its pid file. Found ones
 * are accepted only if they are still a java process whose command line names the service's own
 * directory, so a pid reused by an unrelated process is never signalled.
 */
public final class ServiceProcess {
    private static final Duration AFTER_KILL = Duration.ofSeconds(10);
    private static final int TAIL_BYTES = 16 * 1024;

    private final ProcessHandle handle;
    private final Process process;

    /** The command it was started with; null for a service found again through its pid. */
    private final JvmCommand command;

    private ServiceProcess(ProcessHandle handle, Process process, JvmCommand command) {
        this.handle = handle;
        this.process = process;
        this.command = command;
    }

    /**
     * Starts the command detached (see {@link JvmCommand#detachedArgv()}) in {@code workDir}, with no
     * stdin and stdout and stderr appended to {@code log}, and {@code environment} added to this process's.
     */
    public static ServiceProcess start(JvmCommand command, Path workDir, Path log, Map<String, String> environment) {
        List<String> argv = command.detachedArgv();
        try {
            Files.writeString(log, "---- " + Instant.now() + " " + command.describe() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ServiceProcess(process.toHandle(), process, command);
        } catch (IOException e) {
            throw new UserError("cannot start " + argv.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** The command this process was started with, unless it was found again through its pid. */
    public Optional<JvmCommand> command() {
        return Optional.ofNullable(command);
    }

    /** The process behind {@code pid} if it is alive and is the service whose command line contains {@code marker}. */
    public static Optional<ServiceProcess> find(long pid, String marker) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> isServiceJvm(commandLine(handle), marker))
                .map(handle -> new ServiceProcess(handle, null, null));
    }

    /** A java executable whose arguments contain the marker (the service's directory). */
    static boolean isServiceJvm(List<String> commandLine, String marker) {
        return !commandLine.isEmpty()
                && Path.of(commandLine.get(0)).getFileName().toString().equals("java")
                && commandLine.stream().skip(1).anyMatch(argument -> argument.contains(marker));
    }

    /**
     * The full command line. ProcessHandle.Info drops the arguments of long command lines (a
     * Cassandra classpath is ~9 KB), so /proc is read where it exists.
     */
    private static List<String> commandLine(ProcessHandle handle) {
        Path proc = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Arrays.asList(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).split("\0"));
            }
        } catch (IOException e) {
            return List.of();
        }
        ProcessHandle.Info info = handle.info();
        return info.command().map(command -> {
            List<String> line = new ArrayList<>(List.of(command));
            info.arguments().ifPresent(arguments -> line.addAll(Arrays.asList(arguments)));
            return line;
        }).orElse(List.of());
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** How it ended, for error messages: the exit code when this process launched it. */
    public String exitDescription() {
        if (process != null && !process.isAlive()) {
            return "exited with code " + process.exitValue();
        }
        return isAlive() ? "still running" : "exited";
    }

    /** SIGTERM: the service shuts down cleanly. */
    public void terminate() {
        handle.destroy();
    }

    /** SIGKILL, for a service that ignored SIGTERM; returns once it is gone. */
    public void kill() throws InterruptedException {
        handle.destroyForcibly();
        if (!awaitExit(AFTER_KILL)) {
            throw new IllegalStateException("pid " + pid() + " survived SIGKILL for " + AFTER_KILL.toSeconds() + " s");
        }
    }

    /** True once the process is gone, false if it still runs after {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for pid " + pid() + " failed", e);
        }
    }

    /** The last lines of a log file, to show why a service died without dumping a whole log. */
    public static List<String> tail(Path log, int lines) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

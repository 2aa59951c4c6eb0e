package dev.listening.bench.profile;

import dev.listening.contract.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JFR recording (the JDK's "profile" settings) of another running JVM, started and stopped with the JDK's
 * jcmd, so a benchmark profiles exactly its measured window of a service it did not start; with the
 * process's CPU time over the same window.
 */
public final class FlightRecording {
    private static final String NAME = "bench";
    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);

    private final String process;
    private final long pid;
    private final Path file;
    private final Duration cpuAtStart;

    private FlightRecording(String process, long pid, Path file, Duration cpuAtStart) {
        this.process = process;
        this.pid = pid;
        this.file = file;
        this.cpuAtStart = cpuAtStart;
    }

    /** Starts recording the JVM {@code pid} into {@code file} (written when stopped). */
    public static FlightRecording start(String process, long pid, Path file) throws InterruptedException {
        Duration cpu = cpuTime(process, pid);
        jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile", "filename=" + file.toAbsolutePath());
        return new FlightRecording(process, pid, file, cpu);
    }

    /** Stops the recording, writing its file, and shares the CPU time since the start out by {@code stages}. */
    public CpuBudget stop(Stages stages, long rows) throws InterruptedException {
        Duration cpu = cpuTime(process, pid).minus(cpuAtStart);
        jcmd(pid, "JFR.stop", "name=" + NAME);
        return new CpuBudget(process, cpu, rows, CpuBudget.samplesByStage(file, stages));
    }

    public Path file() {
        return file;
    }

    private static Duration cpuTime(String process, long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
                .orElseThrow(() -> new UserError("cannot read the CPU time of " + process + " (pid " + pid + "): is it running?"));
    }

    private static void jcmd(long pid, String... command) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        argv.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!jcmd.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                jcmd.destroyForcibly();
                throw new UserError(String.join(" ", argv) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run jcmd for pid " + pid, e);
        }
    }
}

package dev.listening.stack.spark;

import dev.listening.contract.UserError;
import dev.listening.stack.process.ClassArchives;
import dev.listening.stack.process.JvmCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A running {@link SparkJob}: a child JVM this process started and stops. Closing it stops the job
 * gracefully (SIGTERM: the streamer stops its query, a batch in flight is replayed on restart) and
 * kills it only if it has not exited after a grace period.
 */
public final class SparkSubmitProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSubmitProcess.class);
    /** Spark's own shutdown hooks give up after 30 s each. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final Process process;
    private final String name;

    private SparkSubmitProcess(Process process, String name) {
        this.process = process;
        this.name = name;
    }

    /** Starts the job in the background, its output appended to {@code log}. */
    public static SparkSubmitProcess start(SparkJob job, Path log) {
        JvmCommand command = launch(job);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "---- " + Instant.now() + " " + command.describe() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UserError("cannot write " + log + ": " + e.getMessage(), e);
        }
        ProcessBuilder builder = builder(job, command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return start(builder, job);
    }

    /** Starts the job with this process's stdin, stdout and stderr, for a command that runs it in the foreground. */
    public static SparkSubmitProcess startAttached(SparkJob job) {
        return start(builder(job, launch(job)).inheritIO(), job);
    }

    /** The job's command with the class archive of its JVM. */
    private static JvmCommand launch(SparkJob job) {
        return ClassArchives.of(job.root()).apply(job.jvmCommand());
    }

    private static ProcessBuilder builder(SparkJob job, JvmCommand command) {
        ProcessBuilder builder = new ProcessBuilder(command.argv()).directory(job.root().toFile());
        builder.environment().putAll(job.environment());
        return builder;
    }

    private static SparkSubmitProcess start(ProcessBuilder builder, SparkJob job) {
        try {
            Process process = builder.start();
            LOG.info("started {} on {} (pid {})", job.mainClass(), job.master(), process.pid());
            return new SparkSubmitProcess(process, job.mainClass());
        } catch (IOException e) {
            throw new UserError("cannot start " + builder.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the job to end by itself and returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** True if the job ended within {@code timeout}. */
    public boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Stops the job: SIGTERM, up to {@link #STOP_GRACE} for a clean stop, then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("{} (pid {}) did not stop within {} s of SIGTERM; killing it", name, pid(), STOP_GRACE.toSeconds());
            process.destroyForcibly();
            process.waitFor();
        }
    }
}

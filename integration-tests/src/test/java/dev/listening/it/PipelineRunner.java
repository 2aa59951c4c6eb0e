package dev.listening.it;

import dev.listening.cli.Pipeline;
import dev.listening.stack.process.JvmCommand;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs `./pipeline ARGS` in a child JVM the way the launcher script does (cli/target/classes plus
 * cli/target/classpath.txt), with the given environment. Output goes through files, so a command
 * that starts background services cannot hold a pipe open.
 */
final class PipelineRunner {
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path root;
    private final Path workDir;
    private final Map<String, String> env;
    private final List<String> unset;

    /** {@code unset}: variables of the developer's shell that must not reach the command. */
    PipelineRunner(Path root, Path workDir, Map<String, String> env, List<String> unset) {
        this.root = root;
        this.workDir = workDir;
        this.env = Map.copyOf(env);
        this.unset = List.copyOf(unset);
    }

    ProcessResult run(Duration timeout, String... args) {
        int run = RUNS.incrementAndGet();
        Path out = workDir.resolve("pipeline-" + run + ".out");
        Path err = workDir.resolve("pipeline-" + run + ".err");
        List<String> argv = new JvmCommand(JvmCommand.currentJava(), List.of("-Dpipeline.root=" + root), classpath(),
                Pipeline.class.getName(), Arrays.asList(args)).argv();
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        unset.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        try {
            Files.createDirectories(workDir);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError("./pipeline " + String.join(" ", args) + " did not finish within "
                        + timeout.toSeconds() + " s; stderr: " + Files.readString(err));
            }
            return new ProcessResult(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String classpath() {
        Path file = root.resolve("cli/target/classpath.txt");
        try {
            return root.resolve("cli/target/classes") + File.pathSeparator + Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException(file + " is missing: build first (mvn -B -q install -DskipTests)", e);
        }
    }
}

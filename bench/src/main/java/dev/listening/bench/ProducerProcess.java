package dev.listening.bench;

import dev.listening.contract.UserError;
import dev.listening.producer.run.Report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The producer as a process of its own (producer/target/producer-*-all.jar, what a user runs with
 * java -jar), so that a fault in the benchmark's JVM cannot reach it and it rides broker restarts as
 * it would in production: acks=all and idempotence, until SIGTERM, which flushes what it sent.
 */
final class ProducerProcess implements AutoCloseable {
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(3);

    private final Process process;
    private final Path out;

    private ProducerProcess(Process process, Path out) {
        this.process = process;
        this.out = out;
    }

    /** Events at {@code rate} per second to {@code topic} until {@link #stop()}; its output goes to {@code out}. */
    static ProducerProcess start(Path root, String bootstrap, String topic, int rate, int listeners, Path songs, Path out) {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar(root).toString(),
                "--bootstrap", bootstrap, "--topic", topic, "--rate", Integer.toString(rate),
                "--listeners", Integer.toString(listeners), "--songs", songs.toString());
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            return new ProducerProcess(new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectErrorStream(true)
                    .start(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, then its closing report: sent, acknowledged and failed. */
    Report stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new UserError("the producer did not stop within " + STOP_TIMEOUT.toSeconds() + " s of SIGTERM; see " + out);
        }
        try (Stream<String> lines = Files.lines(out)) {
            return lines.map(Report::parse).flatMap(Optional::stream).reduce((first, last) -> last)
                    .orElseThrow(() -> new UserError("the producer exited with " + process.exitValue()
                            + " and no report line; see " + out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static Path jar(Path root) {
        Path target = root.resolve("producer").resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("producer-.*-all\\.jar")).findFirst()
                    .orElseThrow(() -> new UserError("the producer jar (producer/target/producer-*-all.jar) is missing: "
                            + "build with mvn -DskipTests install"));
        } catch (IOException e) {
            throw new UserError("the producer jar is missing (" + target + "): build with mvn -DskipTests install", e);
        }
    }
}

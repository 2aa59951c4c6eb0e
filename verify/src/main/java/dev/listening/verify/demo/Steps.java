package dev.listening.verify.demo;

import dev.listening.contract.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The demo's steps, each announced, timed, and on failure named together with the log to read.
 * Times are measured from the start of the demo, so the output shows where the minute goes.
 */
final class Steps {
    private static final Logger LOG = LoggerFactory.getLogger(Steps.class);
    private final long started = System.nanoTime();

    <T> T run(String step, Path log, Supplier<T> work) {
        LOG.info("{}…", step);
        long begin = System.nanoTime();
        try {
            T result = work.get();
            LOG.info("{}: done in {} (at {} since the demo started)", step, seconds(Duration.ofNanos(System.nanoTime() - begin)), sinceStart());
            return result;
        } catch (RuntimeException e) {
            String where = log == null ? "" : "; see " + log;
            throw new UserError("demo failed while " + step + ": " + e.getMessage() + where, e);
        }
    }

    String sinceStart() {
        return seconds(elapsed());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toNanos() / 1e9);
    }
}

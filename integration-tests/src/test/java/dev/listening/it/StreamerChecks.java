package dev.listening.it;

import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.Verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on a streaming job a test started with {@link SparkSubmitProcess}, logging to {@code log}. */
final class StreamerChecks {
    private static final int LOG_LINES_SHOWN = 80;
    private static final int CRASH_LINES_SHOWN = 60;
    /** The JVM's "An error report file with more information is saved as:" line after a fatal error. */
    private static final Pattern HS_ERR = Pattern.compile("/\\S*hs_err_pid\\d+\\.log");

    private StreamerChecks() {
    }

    /**
     * Until every record of the topic is stored or dead-lettered, with the streamer alive all along;
     * returns the last verdict, which the test then judges (doubles, unexpected rows).
     */
    static Reconciliation.Report awaitNothingMissing(Verifier verifier, String topic, SparkSubmitProcess streamer, Path log,
                                                     Duration deadline, Duration poll) {
        AtomicReference<Reconciliation.Report> last = new AtomicReference<>();
        await("every record of " + topic + " stored or dead-lettered").atMost(deadline).pollInterval(poll).until(() -> {
            assertTrue(streamer.isAlive(), () -> exited(streamer, log));
            last.set(verifier.verify(topic, Map.of(), Map.of()));
            return last.get().missing().isEmpty();
        });
        return last.get();
    }

    /**
     * Why the streamer is gone, for a failure message: its exit code and the end of its log, stack
     * frames left out. CI shows only the build's output, and some run directories go with their stack.
     */
    static String exited(SparkSubmitProcess streamer, Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log).stream().filter(line -> !line.stripLeading().startsWith("at ")).toList();
        } catch (IOException e) {
            lines = List.of("(no log: " + e + ")");
        }
        return "the streamer exited with code " + streamer.exitValue() + "; the last lines of " + log + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()))
                + lines.stream().map(HS_ERR::matcher).filter(Matcher::find).reduce((first, second) -> second)
                .map(found -> crashedThread(Path.of(found.group()))).orElse("");
    }

    /**
     * The crashed thread of a JVM's fatal error report: which thread, and the Java frames that led to the
     * crash. CI keeps only the build's output, not the report file the JVM names in its log.
     */
    static String crashedThread(Path errorReport) {
        try {
            List<String> report = Files.readAllLines(errorReport);
            int from = IntStream.range(0, report.size()).filter(i -> report.get(i).startsWith("Current thread"))
                    .findFirst().orElse(0);
            return "\nfrom " + errorReport + ":\n"
                    + String.join("\n", report.subList(from, Math.min(report.size(), from + CRASH_LINES_SHOWN)));
        } catch (IOException e) {
            return "\n(no crash report: " + e + ")";
        }
    }
}

package dev.listening.stack.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Why a job {@link SparkSubmitProcess} started is gone, for a failure message: its exit code, the end of
 * its log with stack frames left out, and the crashed thread where the JVM died of a fatal error. CI keeps
 * only the build's output, and some run directories go with their stack.
 */
public final class JobExit {
    private static final int LOG_LINES_SHOWN = 80;
    private static final int CRASH_LINES_SHOWN = 60;
    /** The JVM's "An error report file with more information is saved as:" line after a fatal error. */
    private static final Pattern HS_ERR = Pattern.compile("/\\S*hs_err_pid\\d+\\.log");

    private JobExit() {
    }

    public static String describe(SparkSubmitProcess job, Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log).stream().filter(line -> !line.stripLeading().startsWith("at ")).toList();
        } catch (IOException e) {
            lines = List.of("(no log: " + e + ")");
        }
        return "the streamer exited with code " + job.exitValue() + "; the last lines of " + log + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_SHOWN), lines.size()))
                + lines.stream().map(HS_ERR::matcher).filter(Matcher::find).reduce((first, second) -> second)
                .map(found -> crashedThread(Path.of(found.group()))).orElse("");
    }

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

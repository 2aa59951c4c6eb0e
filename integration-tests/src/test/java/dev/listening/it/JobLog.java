package dev.listening.it;

import dev.listening.stack.spark.SparkSubmitProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Why a streaming job the test started has exited, for the failure message: CI shows only the
 * build's output, and some run directories go with their stack once the test ends.
 */
final class JobLog {
    private static final int LINES_SHOWN = 80;

    private JobLog() {
    }

    /** The exit code and the end of the job's log, stack frames left out. */
    static String exited(SparkSubmitProcess job, Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log).stream().filter(line -> !line.stripLeading().startsWith("at ")).toList();
        } catch (IOException e) {
            lines = List.of("(no log: " + e + ")");
        }
        return "the streamer exited with code " + job.exitValue() + "; the last lines of " + log + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - LINES_SHOWN), lines.size()));
    }
}

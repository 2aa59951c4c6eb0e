package dev.listening.stack;

import java.time.Duration;
import java.util.OptionalLong;

public record StopReport(String name, OptionalLong pid, Outcome outcome, Duration took) {
    public enum Outcome {
        NOT_RUNNING,
        /** The pid file named a process that is gone or is not this service: only the file was removed. */
        STALE_PID_FILE_REMOVED,
        STOPPED,
        /** It did not stop within the timeout after SIGTERM and got SIGKILL. */
        KILLED
    }
}

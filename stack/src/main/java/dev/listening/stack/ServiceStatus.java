package dev.listening.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

public record ServiceStatus(String name, List<PortUse> ports, OptionalLong pid, State state, Path log) {
    public enum State {
        /** No pid file. */
        STOPPED,
        /** A pid file whose process is gone (or is no longer this service). */
        STALE_PID_FILE,
        /** Its process runs but it does not answer clients (yet). */
        RUNNING_NOT_READY,
        READY
    }
}

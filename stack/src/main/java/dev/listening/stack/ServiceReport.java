package dev.listening.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** One service after `up`: where it listens, its pid, and how long it took to be ready (zero if it was already running). */
public record ServiceReport(String name, List<PortUse> ports, long pid, boolean alreadyRunning, Duration readyIn, Path log) {
}

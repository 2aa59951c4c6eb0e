package dev.listening.cli.stack;

import dev.listening.stack.PortUse;
import dev.listening.stack.ServiceReport;
import dev.listening.stack.ServiceStatus;
import dev.listening.stack.StopReport;
import dev.listening.stack.UpReport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The lines up, status and down print on stdout. */
final class StackText {
    private StackText() {
    }

    static List<String> up(UpReport report, Path root) {
        List<String> lines = new ArrayList<>();
        for (ServiceReport service : report.services()) {
            String state = service.alreadyRunning() ? "already running" : "ready in " + seconds(service.readyIn());
            lines.add(String.format(Locale.ROOT, "%-10s %-16s %s   pid %d   log %s", service.name(), state,
                    listens(service.ports()), service.pid(), relative(root, service.log())));
        }
        lines.add("topic " + report.bootstrap().topic() + (report.topicCreated()
                ? " created (" + report.bootstrap().partitions() + " partition" + (report.bootstrap().partitions() == 1 ? ")" : "s)")
                : " exists"));
        lines.add("keyspace " + report.bootstrap().keyspace() + " has the schema of cql/create_db.cql, replication "
                + report.bootstrap().replication().toCql());
        lines.add(report.wasAlreadyRunning() ? "stack was already running" : "stack up in " + seconds(report.total()));
        return lines;
    }

    static List<String> status(List<ServiceStatus> statuses, Path root) {
        return statuses.stream().map(status -> String.format(Locale.ROOT, "%-10s %-26s %s", status.name(), state(status),
                switch (status.state()) {
                    case READY, RUNNING_NOT_READY -> listens(status.ports()) + "   pid " + status.pid().orElseThrow()
                            + "   log " + relative(root, status.log());
                    case STOPPED, STALE_PID_FILE -> listens(status.ports());
                })).toList();
    }

    static List<String> down(List<StopReport> reports) {
        return reports.stream().map(report -> String.format(Locale.ROOT, "%-10s %s", report.name(), switch (report.outcome()) {
            case NOT_RUNNING -> "not running";
            case STALE_PID_FILE_REMOVED -> "not running (removed the stale pid file of pid " + report.pid().orElseThrow() + ")";
            case STOPPED -> "stopped (pid " + report.pid().orElseThrow() + ", " + seconds(report.took()) + ")";
            case KILLED -> "killed after the stop timeout (pid " + report.pid().orElseThrow() + ")";
        })).toList();
    }

    private static String state(ServiceStatus status) {
        return switch (status.state()) {
            case READY -> "running, ready";
            case RUNNING_NOT_READY -> "running, not ready";
            case STOPPED -> "not running";
            case STALE_PID_FILE -> "not running (stale pid file)";
        };
    }

    /** "127.0.0.1:9092 (kafka controller 9093)": the client address first, the other ports after it. */
    static String listens(List<PortUse> ports) {
        String others = ports.stream().skip(1)
                .map(port -> port.role() + " " + port.endpoint().port())
                .collect(Collectors.joining(", "));
        return ports.get(0).endpoint() + (others.isEmpty() ? "" : " (" + others + ")");
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static Path relative(Path root, Path path) {
        return path.startsWith(root) ? root.relativize(path) : path;
    }
}

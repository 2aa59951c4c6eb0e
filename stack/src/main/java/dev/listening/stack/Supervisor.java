package dev.listening.stack;

import dev.listening.contract.UserError;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.kafka.KafkaService;
import dev.listening.stack.net.Ports;
import dev.listening.stack.process.ClassArchives;
import dev.listening.stack.process.Deadline;
import dev.listening.stack.process.JvmCommand;
import dev.listening.stack.process.PidFile;
import dev.listening.stack.process.RuntimeClasspath;
import dev.listening.stack.process.ServiceProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The JVM of a service, in a session of its own so it outlives the command that started it: launched
 * with a pid file in its directory (HOME/NAME/NAME.pid, log NAME.log), awaited until clients can use it,
 * found again through the pid file by later commands, and stopped.
 */
final class Supervisor {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int LOG_LINES = 20;

    private Supervisor() {
    }

    /** Prepares the service's directory, starts its JVM (with the class archive under {@code root}) and writes its pid file. */
    static ServiceProcess launch(Service service, Path root, Path java, String classpath) throws InterruptedException {
        PidFile pidFile = pidFile(service);
        pidFile.delete();
        ClassArchives archives = ClassArchives.of(root);
        service.prepare(java, classpath, archives);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        LOG.info("starting {} on {}", service.name(), service.ports().get(0).endpoint());
        ServiceProcess process = ServiceProcess.start(archives.forService(service.command(java, classpath)), service.dir(), log(service), service.environment());
        pidFile.write(process.pid());
        return process;
    }

    /** Throws when a port of the service is taken, saying how to choose another. */
    static void requirePortsFree(Service service) {
        service.ports().forEach(port -> Ports.requireFree(port.endpoint(), port.role(), port.howToChange()));
    }

    /** A running service answers where it was told to when it started: asking it elsewhere would wait in vain. */
    static void requireSameConfiguration(Service service, ServiceProcess process) {
        String running;
        try {
            running = Files.readString(service.configFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!running.equals(service.configuration())) {
            throw new UserError(service.name() + " already runs (pid " + process.pid() + ") with other ports than these (see "
                    + service.configFile() + "); stop it first with ./pipeline down");
        }
    }

    /** Polls until the service is ready; throws, with the end of its log, when its JVM dies or the deadline passes. */
    static void awaitReady(Service service, ServiceProcess process, Deadline deadline, Duration readyTimeout)
            throws InterruptedException {
        Path log = log(service);
        while (!service.ready(deadline.remainingAtMost(LocalStack.PROBE_TIMEOUT))) {
            if (!process.isAlive()) {
                LOG.warn("{} {} while starting; last lines of {}:{}{}", service.name(), process.exitDescription(), log,
                        System.lineSeparator(), String.join(System.lineSeparator(), ServiceProcess.tail(log, LOG_LINES)));
                throw new UserError(service.name() + " " + process.exitDescription() + " while starting; see " + log);
            }
            if (deadline.expired()) {
                throw new UserError(service.name() + " is not ready after " + readyTimeout.toSeconds() + " s; see " + log
                        + " (" + StackSettings.READY_TIMEOUT_FLAG + " gives it more time)");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The service once ready; {@code readyIn} is zero for one that was already running. */
    static ServiceReport report(Service service, ServiceProcess process, boolean alreadyRunning, Duration readyIn) {
        return new ServiceReport(service.name(), service.ports(), process.pid(), alreadyRunning, readyIn, log(service));
    }

    /** Started, awaited, and stopped again if it does not become ready. */
    static ServiceReport startAlone(Service service, Path root, Duration readyTimeout) throws InterruptedException {
        requirePortsFree(service);
        long started = System.nanoTime();
        ServiceProcess process = launch(service, root, JvmCommand.currentJava(), RuntimeClasspath.read(root, service.runtime()));
        try {
            awaitReady(service, process, Deadline.in(readyTimeout), readyTimeout);
        } catch (RuntimeException | InterruptedException e) {
            stopAll(service.dir().getParent(), LocalStack.STOP_TIMEOUT);
            throw e;
        }
        archiveClasses(root, process);
        return report(service, process, false, since(started));
    }

    /** A service launched without a class archive, now ready, is asked for one (see {@link ClassArchives}). */
    static void archiveClasses(Path root, ServiceProcess process) {
        process.command().ifPresent(command -> ClassArchives.of(root).dumpRunning(command, process.pid()));
    }

    /** Its pid, whether its process runs, and whether it answers a client within {@code probeTimeout}. */
    static ServiceStatus status(Service service, Duration probeTimeout) throws InterruptedException {
        OptionalLong pid = pidFile(service).read();
        Optional<ServiceProcess> process = find(service);
        ServiceStatus.State state;
        if (process.isEmpty()) {
            state = pid.isPresent() ? ServiceStatus.State.STALE_PID_FILE : ServiceStatus.State.STOPPED;
        } else {
            state = service.ready(probeTimeout) ? ServiceStatus.State.READY : ServiceStatus.State.RUNNING_NOT_READY;
        }
        return new ServiceStatus(service.name(), service.ports(), pid, state, log(service));
    }

    /**
     * Stops the services whose pid files are under {@code home}: SIGTERM to all of them, SIGKILL to any
     * still running after {@code timeout}, then the pid files are removed.
     */
    static List<StopReport> stopAll(Path home, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        List<StopReport> reports = new ArrayList<>();
        Map<String, ServiceProcess> stopping = new LinkedHashMap<>();
        List<String> names = serviceNames(home);
        for (String name : names) {
            Path dir = home.resolve(name);
            OptionalLong pid = pidFile(dir, name).read();
            Optional<ServiceProcess> process = find(name, dir);
            if (process.isPresent()) {
                LOG.info("stopping {} (pid {})", name, process.get().pid());
                process.get().terminate();
                stopping.put(name, process.get());
            } else {
                pidFile(dir, name).delete();
                reports.add(new StopReport(name, pid,
                        pid.isPresent() ? StopReport.Outcome.STALE_PID_FILE_REMOVED : StopReport.Outcome.NOT_RUNNING, Duration.ZERO));
            }
        }
        Deadline deadline = Deadline.in(timeout);
        for (Map.Entry<String, ServiceProcess> entry : stopping.entrySet()) {
            String name = entry.getKey();
            ServiceProcess process = entry.getValue();
            StopReport.Outcome outcome = StopReport.Outcome.STOPPED;
            if (!process.awaitExit(deadline.remaining())) {
                LOG.warn("{} (pid {}) still runs {} s after SIGTERM: sending SIGKILL", name, process.pid(), timeout.toSeconds());
                process.kill();
                outcome = StopReport.Outcome.KILLED;
            }
            pidFile(home.resolve(name), name).delete();
            reports.add(new StopReport(name, OptionalLong.of(process.pid()), outcome, since(started)));
        }
        reports.sort(Comparator.comparing(report -> names.indexOf(report.name())));
        return reports;
    }

    /**
     * SIGKILL ({@code now}) or SIGTERM to the service {@code name} of the stack in {@code home}, found through its
     * pid file; returns once its process is gone, with how long that took. The pid file stays, as after a crash.
     */
    static Duration signal(Path home, String name, boolean now) throws InterruptedException {
        Path dir = home.resolve(name);
        ServiceProcess process = find(name, dir).orElseThrow(() -> new UserError(name + " is not running (no live process behind "
                + pidFile(dir, name).path() + ")"));
        long started = System.nanoTime();
        if (now) {
            process.kill();
        } else {
            process.terminate();
            if (!process.awaitExit(LocalStack.STOP_TIMEOUT)) {
                throw new UserError(name + " (pid " + process.pid() + ") still runs " + LocalStack.STOP_TIMEOUT.toSeconds()
                        + " s after SIGTERM");
            }
        }
        return since(started);
    }

    /** Waits for a process sent SIGTERM to exit, sends SIGKILL once {@code deadline} has passed, and removes its pid file. */
    static void awaitStopped(Service service, ServiceProcess process, Deadline deadline) throws InterruptedException {
        if (!process.awaitExit(deadline.remaining())) {
            process.kill();
        }
        pidFile(service).delete();
    }

    /** The two services of the one-node stack, and every other directory of {@code home} with a pid file of its name. */
    private static List<String> serviceNames(Path home) {
        List<String> names = new ArrayList<>(List.of(KafkaService.NAME, CassandraService.NAME));
        if (Files.isDirectory(home)) {
            try (Stream<Path> dirs = Files.list(home)) {
                dirs.map(dir -> dir.getFileName().toString())
                        .filter(name -> !names.contains(name) && Files.exists(pidFile(home.resolve(name), name).path()))
                        .sorted()
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    static Optional<ServiceProcess> find(Service service) {
        return find(service.name(), service.dir());
    }

    private static Optional<ServiceProcess> find(String name, Path dir) {
        OptionalLong pid = pidFile(dir, name).read();
        return pid.isPresent() ? ServiceProcess.find(pid.getAsLong(), marker(dir)) : Optional.empty();
    }

    /** Every command line of a service names its own directory (config file, storage), and no other process's does. */
    private static String marker(Path dir) {
        return dir + File.separator;
    }

    static PidFile pidFile(Path dir, String name) {
        return new PidFile(dir.resolve(name + ".pid"));
    }

    private static Path log(Path dir, String name) {
        return dir.resolve(name + ".log");
    }

    private static PidFile pidFile(Service service) {
        return pidFile(service.dir(), service.name());
    }

    private static Path log(Service service) {
        return log(service.dir(), service.name());
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}

package dev.listening.stack;

import dev.listening.stack.process.Deadline;
import dev.listening.stack.process.JvmCommand;
import dev.listening.stack.process.RuntimeClasspath;
import dev.listening.stack.process.ServiceProcess;
import dev.listening.stack.process.Uninterruptibly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One start of a topology: the services that are not running are launched stage by stage, those of a
 * stage at once, and every service is awaited until clients can use it. Until {@link #handOver()},
 * closing it (or the JVM exiting, e.g. on Ctrl-C) stops whatever it launched: the services run in
 * sessions of their own, so nothing else would.
 */
final class Startup implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Startup.class);

    private final Path root;
    private final Topology topology;
    /** Launched by this start and not yet handed over. */
    private final Map<Service, ServiceProcess> launched = new LinkedHashMap<>();
    private final Thread abort = new Thread(this::stopLaunched, "local-stack-abort");

    Startup(Path root, Topology topology) {
        this.root = root;
        this.topology = topology;
        Runtime.getRuntime().addShutdownHook(abort);
    }

    /** Every service once ready, in the topology's order. Services already running are left as they are. */
    List<ServiceReport> start(Duration readyTimeout) throws InterruptedException {
        Path java = JvmCommand.currentJava();
        List<Service> services = topology.services();
        Map<Service, ServiceProcess> running = new HashMap<>();
        Map<Service, String> classpaths = new HashMap<>();
        for (Service service : services) {
            Optional<ServiceProcess> process = Supervisor.find(service);
            if (process.isPresent()) {
                Supervisor.requireSameConfiguration(service, process.get());
                running.put(service, process.get());
            } else {
                Supervisor.requirePortsFree(service);
                classpaths.put(service, RuntimeClasspath.read(root, service.runtime()));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(services.size());
        try {
            CompletionService<ServiceReport> starts = new ExecutorCompletionService<>(pool);
            Map<String, ServiceReport> reports = new HashMap<>();
            for (List<Service> stage : topology.stages()) {
                // per stage: a node that joins a ring starts only once the seed is ready
                Deadline deadline = Deadline.in(readyTimeout);
                for (Service service : stage) {
                    ServiceProcess process = running.get(service);
                    starts.submit(process != null
                            ? () -> awaitRunning(service, process, deadline, readyTimeout)
                            : () -> launch(service, java, classpaths.get(service), deadline, readyTimeout));
                }
                for (int i = 0; i < stage.size(); i++) {
                    ServiceReport report = next(starts);
                    reports.put(report.name(), report);
                }
            }
            return services.stream().map(s -> reports.get(s.name())).toList();
        } finally {
            pool.shutdownNow();
            Uninterruptibly.run(() -> pool.awaitTermination(LocalStack.STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    /** What this start launched stays up: closing no longer stops it. */
    void handOver() {
        synchronized (launched) {
            launched.clear();
        }
    }

    @Override
    public void close() {
        stopLaunched();
        try {
            Runtime.getRuntime().removeShutdownHook(abort);
        } catch (IllegalStateException e) {
            LOG.debug("already shutting down: the hook runs", e);
        }
    }

    private ServiceReport launch(Service service, Path java, String classpath, Deadline deadline, Duration readyTimeout)
            throws InterruptedException {
        long started = System.nanoTime();
        ServiceProcess process = Supervisor.launch(service, root, java, classpath);
        synchronized (launched) {
            launched.put(service, process);
        }
        Supervisor.awaitReady(service, process, deadline, readyTimeout);
        Supervisor.archiveClasses(root, process);
        return Supervisor.report(service, process, false, Supervisor.since(started));
    }

    private static ServiceReport awaitRunning(Service service, ServiceProcess process, Deadline deadline, Duration readyTimeout)
            throws InterruptedException {
        Supervisor.awaitReady(service, process, deadline, readyTimeout);
        return Supervisor.report(service, process, true, Duration.ZERO);
    }

    private static ServiceReport next(CompletionService<ServiceReport> starts) throws InterruptedException {
        try {
            return starts.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void stopLaunched() {
        synchronized (launched) {
            if (launched.isEmpty()) {
                return;
            }
            launched.forEach((service, process) -> {
                LOG.warn("stopping {} (pid {}) again: the stack did not come up", service.name(), process.pid());
                process.terminate();
            });
            Deadline deadline = Deadline.in(LocalStack.STOP_TIMEOUT);
            launched.forEach((service, process) -> Uninterruptibly.run(() -> Supervisor.awaitStopped(service, process, deadline)));
            launched.clear();
        }
    }
}

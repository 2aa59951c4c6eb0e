package dev.listening.stack;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.Topics;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.Schema;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.cassandra.LocalAuthentication;
import dev.listening.stack.cassandra.RingNode;
import dev.listening.stack.kafka.KafkaService;
import dev.listening.stack.net.Ports;
import dev.listening.stack.process.Deadline;
import dev.listening.stack.process.JvmCommand;
import dev.listening.stack.process.PidFile;
import dev.listening.stack.process.RuntimeClasspath;
import dev.listening.stack.process.ServiceProcess;
import dev.listening.stack.spark.SparkCluster;
import dev.listening.stack.spark.SparkDaemon;
import dev.listening.stack.spark.SparkMasterState;
import dev.listening.stack.spark.SparkRuntime;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local stack: a Kafka broker and a Cassandra node as JVMs of their own, in sessions of their
 * own, so they outlive the command that started them. In cluster mode, a ring of Cassandra nodes
 * and a Spark standalone master and workers instead of the one node. Each service keeps its
 * configuration, data, log and pid file in PIPELINE_HOME/&lt;service&gt;/; the pid files are how
 * later commands find them. Closing the stack stops every service.
 */
public final class LocalStack implements AutoCloseable {
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_LINES = 20;

    private final StackSettings settings;
    private final ClusterSettings cluster;
    /** Started in this order; the services of one stage start at once. */
    private final List<List<Service>> stages;
    private final List<Service> services;
    /** Started by the running `up` and not yet handed over: stopped if `up` fails. */
    private final Map<Service, ServiceProcess> launched = new LinkedHashMap<>();

    /** The one-node stack: a broker and a Cassandra node. */
    public LocalStack(StackSettings settings) {
        this.settings = settings;
        this.cluster = null;
        this.stages = List.of(List.of(new KafkaService(settings.kafkaConfig()),
                new CassandraService(settings.cassandraConfig(), settings.datacenter())));
        this.services = List.copyOf(stages.get(0));
    }

    /**
     * Cluster mode: the broker, the ring's first node (its seed) and the Spark master first, then the
     * other nodes and the workers, which join them.
     */
    public LocalStack(StackSettings settings, ClusterSettings cluster) {
        this.settings = settings;
        this.cluster = cluster;
        List<CassandraService> nodes = cluster.ring(settings).services(settings.home(), settings.datacenter());
        SparkRuntime spark = new SparkRuntime(settings.root(), settings.home());
        SparkCluster sparkCluster = cluster.spark();
        String uiHowToChange = ClusterSettings.SPARK_UI_PORT_FLAG + " or " + Env.SPARK_UI_PORT;
        List<Service> first = List.of(new KafkaService(settings.kafkaConfig()), nodes.get(0),
                SparkDaemon.master(sparkCluster, spark, ClusterSettings.SPARK_MASTER_FLAG + " or " + Env.SPARK_MASTER, uiHowToChange));
        List<Service> second = new ArrayList<>(nodes.subList(1, nodes.size()));
        for (int worker = 1; worker <= sparkCluster.workers(); worker++) {
            second.add(SparkDaemon.worker(sparkCluster, worker, spark, uiHowToChange));
        }
        this.stages = List.of(first, List.copyOf(second));
        this.services = stages.stream().flatMap(List::stream).toList();
    }

    public StackSettings settings() {
        return settings;
    }

    public Optional<ClusterSettings> cluster() {
        return Optional.ofNullable(cluster);
    }

    /** Contact points of every Cassandra node, for the driver and the connector. */
    public String cassandraContactPoints() {
        return cluster == null ? settings.cassandra().toString() : cluster.ring(settings).contactPoints();
    }

    /**
     * Starts the services that are not running (both at once), waits until clients can use them,
     * then creates the topic and applies the schema. Services already running are left as they are.
     * On any failure, whatever this call started is stopped again.
     */
    public UpReport up(Bootstrap bootstrap, Duration readyTimeout) {
        long started = System.nanoTime();
        Path java = JvmCommand.currentJava();
        Map<Service, ServiceProcess> running = new HashMap<>();
        Map<Service, String> classpaths = new HashMap<>();
        for (Service service : services) {
            Optional<ServiceProcess> process = find(service.name(), service.dir());
            if (process.isPresent()) {
                requireSameConfiguration(service, process.get());
                running.put(service, process.get());
            } else {
                service.ports().forEach(port -> Ports.requireFree(port.endpoint(), port.role(), port.howToChange()));
                classpaths.put(service, RuntimeClasspath.read(settings.root(), service.runtime()));
            }
        }
        // Ctrl-C while starting: the services are in sessions of their own, so nothing else would stop them
        Thread abort = new Thread(this::stopLaunched, "local-stack-abort");
        Runtime.getRuntime().addShutdownHook(abort);
        ExecutorService pool = Executors.newFixedThreadPool(services.size());
        try {
            CompletionService<ServiceReport> starts = new ExecutorCompletionService<>(pool);
            Map<String, ServiceReport> reports = new HashMap<>();
            for (List<Service> stage : stages) {
                // per stage: a node that joins a ring starts only once the seed is ready
                Deadline deadline = Deadline.in(readyTimeout);
                for (Service service : stage) {
                    ServiceProcess process = running.get(service);
                    starts.submit(process != null
                            ? () -> awaitRunning(service, process, deadline, readyTimeout)
                            : () -> start(service, java, classpaths.get(service), deadline, readyTimeout));
                }
                for (int i = 0; i < stage.size(); i++) {
                    ServiceReport report = next(starts);
                    reports.put(report.name(), report);
                }
            }
            boolean topicCreated = Topics.ensure(settings.kafka().toString(), bootstrap.topic(), bootstrap.partitions(), REQUEST_TIMEOUT);
            Optional<CassandraCredentials> credentials = cluster == null ? LocalAuthentication.ensureRole(
                    cassandraContactPoints(), settings.datacenter(), settings.home(), READY_TIMEOUT) : Optional.empty();
            try (CqlSession session = CassandraSessions.open(cassandraContactPoints(), settings.datacenter(), REQUEST_TIMEOUT,
                    DefaultConsistencyLevel.LOCAL_ONE, credentials)) {
                Schema.load().apply(session, bootstrap.keyspace(), bootstrap.replication());
            }
            synchronized (launched) {
                launched.clear();
            }
            return new UpReport(services.stream().map(s -> reports.get(s.name())).toList(), bootstrap, topicCreated, since(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local stack", e);
        } finally {
            pool.shutdownNow();
            uninterruptibly(() -> pool.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            stopLaunched();
            removeShutdownHook(abort);
        }
    }

    /** A running service answers where it was told to when it started: asking it elsewhere would wait in vain. */
    private static void requireSameConfiguration(Service service, ServiceProcess process) {
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

    private ServiceReport start(Service service, Path java, String classpath, Deadline deadline, Duration readyTimeout)
            throws InterruptedException {
        long started = System.nanoTime();
        ServiceProcess process = launch(service, java, classpath);
        synchronized (launched) {
            launched.put(service, process);
        }
        awaitReady(service, process, deadline, readyTimeout);
        return new ServiceReport(service.name(), service.ports(), process.pid(), false, since(started), log(service.dir(), service.name()));
    }

    /** Prepares the service's directory, starts its JVM and writes its pid file. */
    private static ServiceProcess launch(Service service, Path java, String classpath) throws InterruptedException {
        PidFile pidFile = pidFile(service.dir(), service.name());
        pidFile.delete();
        service.prepare(java, classpath);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        LOG.info("starting {} on {}", service.name(), service.ports().get(0).endpoint());
        ServiceProcess process = ServiceProcess.start(service.command(java, classpath), service.dir(), log(service.dir(), service.name()),
                service.environment());
        pidFile.write(process.pid());
        return process;
    }

    /**
     * One service on its own, next to a stack (a benchmark's extra Cassandra node): started, awaited,
     * and stopped again if it does not become ready. Stop it with {@link #stop} on the directory
     * above its own.
     */
    public static ServiceReport startAlone(Service service, Path root, Duration readyTimeout) throws InterruptedException {
        service.ports().forEach(port -> Ports.requireFree(port.endpoint(), port.role(), port.howToChange()));
        long started = System.nanoTime();
        ServiceProcess process = launch(service, JvmCommand.currentJava(), RuntimeClasspath.read(root, service.runtime()));
        try {
            awaitReady(service, process, Deadline.in(readyTimeout), readyTimeout);
        } catch (RuntimeException | InterruptedException e) {
            stop(service.dir().getParent(), STOP_TIMEOUT);
            throw e;
        }
        return new ServiceReport(service.name(), service.ports(), process.pid(), false, since(started), log(service.dir(), service.name()));
    }

    private ServiceReport awaitRunning(Service service, ServiceProcess process, Deadline deadline, Duration readyTimeout)
            throws InterruptedException {
        awaitReady(service, process, deadline, readyTimeout);
        return new ServiceReport(service.name(), service.ports(), process.pid(), true, Duration.ZERO, log(service.dir(), service.name()));
    }

    private static void awaitReady(Service service, ServiceProcess process, Deadline deadline, Duration readyTimeout)
            throws InterruptedException {
        Path log = log(service.dir(), service.name());
        while (!service.ready(deadline.remainingAtMost(PROBE_TIMEOUT))) {
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

    /** Each service: its pid, whether its process runs, and whether it answers a client within {@code probeTimeout}. */
    public List<ServiceStatus> status(Duration probeTimeout) throws InterruptedException {
        List<ServiceStatus> statuses = new ArrayList<>();
        for (Service service : services) {
            OptionalLong pid = pidFile(service.dir(), service.name()).read();
            Optional<ServiceProcess> process = find(service.name(), service.dir());
            ServiceStatus.State state;
            if (process.isEmpty()) {
                state = pid.isPresent() ? ServiceStatus.State.STALE_PID_FILE : ServiceStatus.State.STOPPED;
            } else {
                state = service.ready(probeTimeout) ? ServiceStatus.State.READY : ServiceStatus.State.RUNNING_NOT_READY;
            }
            statuses.add(new ServiceStatus(service.name(), service.ports(), pid, state, log(service.dir(), service.name())));
        }
        return statuses;
    }

    /** True when `up --cluster` started services in {@code home} that have not been stopped (the ring's first node). */
    public static boolean clusterRunsIn(Path home) {
        String first = CassandraService.nodeName(1);
        return Files.exists(pidFile(home.resolve(first), first).path());
    }

    /** Cluster mode: the Cassandra ring as a client sees it; empty for the one-node stack. */
    public List<RingNode> ring(Duration timeout) {
        return cluster == null ? List.of() : RingNode.read(cassandraContactPoints(), settings.datacenter(), timeout);
    }

    /** Cluster mode: the Spark master's state (workers, applications), empty when it does not answer or runs no cluster. */
    public Optional<SparkMasterState> sparkMaster(Duration timeout) throws InterruptedException {
        return cluster == null ? Optional.empty() : new SparkMasterState.Probe(cluster.spark().ui()).fetch(timeout);
    }

    public List<StopReport> down(Duration timeout) throws InterruptedException {
        return stop(settings.home(), timeout);
    }

    /**
     * Stops the services whose pid files are under {@code home} (HOME/NAME/NAME.pid): SIGTERM to all
     * of them, SIGKILL to any still running after {@code timeout}, then the pid files are removed.
     * Needs nothing but the pid files, so it also stops a stack started with other ports, or in the
     * other mode.
     */
    public static List<StopReport> stop(Path home, Duration timeout) throws InterruptedException {
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

    /** Deletes PIPELINE_HOME: data, logs, checkpoints. Call it once the services are stopped. */
    public static void purge(Path root, Path home) {
        requireOwnDirectory(root, home);
        if (!Files.exists(home)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(home)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Guards --purge against a PIPELINE_HOME set to the project, the user's home, or one of their parents. */
    static void requireOwnDirectory(Path root, Path home) {
        Path userHome = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (home.getNameCount() < 2 || root.startsWith(home) || userHome.startsWith(home)) {
            throw new UserError("refusing to delete " + home + ": " + Env.HOME + " must be a directory of its own, such as "
                    + root.resolve(Env.DEFAULT_HOME));
        }
    }

    /** Stops every service (the data stays). */
    @Override
    public void close() {
        uninterruptibly(() -> down(STOP_TIMEOUT));
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
            Deadline deadline = Deadline.in(STOP_TIMEOUT);
            launched.forEach((service, process) -> {
                uninterruptibly(() -> process.awaitExit(deadline.remaining()) || kill(process));
                pidFile(service.dir(), service.name()).delete();
            });
            launched.clear();
        }
    }

    private static boolean kill(ServiceProcess process) throws InterruptedException {
        process.kill();
        return true;
    }

    private static Optional<ServiceProcess> find(String name, Path dir) {
        OptionalLong pid = pidFile(dir, name).read();
        return pid.isPresent() ? ServiceProcess.find(pid.getAsLong(), marker(dir)) : Optional.empty();
    }

    /** Every command line of a service names its own directory (config file, storage), and no other process's does. */
    private static String marker(Path dir) {
        return dir + File.separator;
    }

    public static PidFile pidFile(Path dir, String name) {
        return new PidFile(dir.resolve(name + ".pid"));
    }

    public static Path log(Path dir, String name) {
        return dir.resolve(name + ".log");
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            LOG.debug("already shutting down: the hook runs", e);
        }
    }

    private interface Interruptible {
        Object run() throws InterruptedException;
    }

    /** Cleanup must finish even when this thread was interrupted; the interrupt is kept for the caller. */
    private static void uninterruptibly(Interruptible action) {
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    action.run();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package dev.listening.bench;

import dev.listening.stack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time (user + system, as the OS counts it in /proc/PID/stat) that each part of the pipeline has
 * used so far, summed per role. Unlike a wall-clock rate, CPU-seconds per event hardly move when other
 * work shares the machine, so they are what a capacity model can be built on.
 */
record CpuTimes(Map<String, Duration> byRole) {
    static final String PRODUCER = "producer";
    static final String KAFKA = "kafka";
    static final String CASSANDRA = "cassandra";
    static final String DRIVER = "spark driver";
    static final String EXECUTORS = "spark executors";
    static final String DAEMONS = "spark master + workers";
    /** The order of a report's columns. */
    static final List<String> ROLES = List.of(PRODUCER, KAFKA, DRIVER, EXECUTORS, DAEMONS, CASSANDRA);
    private static final double EVENTS = 100_000.0;
    private static final String WORKER = "spark-worker";

    /** The services of the stack in {@code home}, by their pid files; the executors are the Spark workers' child processes. */
    static CpuTimes services(Path home) {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (Map.Entry<String, Long> service : servicePids(home).entrySet()) {
            Optional<ProcessHandle> process = ProcessHandle.of(service.getValue());
            if (process.isEmpty()) {
                continue;
            }
            add(times, role(service.getKey()), process.get());
            if (service.getKey().startsWith(WORKER)) {
                process.get().children().forEach(executor -> add(times, EXECUTORS, executor));
            }
        }
        return new CpuTimes(times);
    }

    /** The services of the stack in {@code home} and the streaming job's driver. */
    static CpuTimes withDriver(Path home, long driverPid) {
        Map<String, Duration> times = new LinkedHashMap<>(services(home).byRole);
        ProcessHandle.of(driverPid).ifPresent(driver -> add(times, DRIVER, driver));
        return new CpuTimes(times);
    }

    /** The services of the stack in {@code home} and this JVM, as the producer when it sends from here. */
    static CpuTimes withProducerHere(Path home) {
        Map<String, Duration> times = new LinkedHashMap<>(services(home).byRole);
        add(times, PRODUCER, ProcessHandle.current());
        return new CpuTimes(times);
    }

    /** What a service of the stack does: kafka, kafka-2 are Kafka; cassandra-3 is Cassandra; spark-worker-1 a daemon. */
    static String role(String service) {
        if (service.startsWith(KAFKA)) {
            return KAFKA;
        }
        if (service.startsWith(CASSANDRA)) {
            return CASSANDRA;
        }
        return DAEMONS;
    }

    /** The CPU used since {@code earlier}; a role that was not there before counts from zero. */
    CpuTimes since(CpuTimes earlier) {
        Map<String, Duration> used = new LinkedHashMap<>();
        byRole.forEach((role, time) -> used.put(role, time.minus(earlier.byRole.getOrDefault(role, Duration.ZERO))));
        return new CpuTimes(used);
    }

    /** CPU-seconds per 100,000 events of the role, when it was measured. */
    Optional<Double> secondsPer100k(String role, long events) {
        Duration time = byRole.get(role);
        return time == null ? Optional.empty() : Optional.of(time.toNanos() / 1e9 * EVENTS / events);
    }

    private static void add(Map<String, Duration> times, String role, Duration time) {
        times.merge(role, time, Duration::plus);
    }

    /** A process whose CPU time the OS does not tell leaves its role unmeasured rather than at zero. */
    private static void add(Map<String, Duration> times, String role, ProcessHandle process) {
        process.info().totalCpuDuration().ifPresent(time -> add(times, role, time));
    }

    /** Each service with a pid file under {@code home} (HOME/NAME/NAME.pid), by name. */
    private static Map<String, Long> servicePids(Path home) {
        Map<String, Long> pids = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(home)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = dir.getFileName().toString();
                OptionalLong pid = LocalStack.pidFile(dir, name).read();
                pid.ifPresent(p -> pids.put(name, p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }
}

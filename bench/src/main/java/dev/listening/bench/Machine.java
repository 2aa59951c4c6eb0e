package dev.listening.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the benchmarks ran on: the figures are only comparable with the machine next to them. The
 * versions are the build's (the root pom's properties, copied into versions.properties by Maven).
 */
record Machine(int cores, long memoryBytes, double loadAverage, String java, String os, Map<String, String> versions) {
    private static final String VERSIONS = "versions.properties";
    private static final Map<String, String> NAMES = names();

    static Machine current() {
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(Runtime.getRuntime().availableProcessors(), system.getTotalMemorySize(),
                system.getSystemLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                project());
    }

    /** The project's versions, by the names a reader knows them by, in the order of the pipeline. */
    static Map<String, String> project() {
        Properties properties = new Properties();
        try (InputStream in = Machine.class.getResourceAsStream(VERSIONS)) {
            if (in == null) {
                throw new IllegalStateException(VERSIONS + " is missing next to " + Machine.class.getName() + ": build with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> versions = new LinkedHashMap<>();
        NAMES.forEach((key, name) -> versions.put(name, properties.getProperty(key)));
        return versions;
    }

    private static Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("kafka", "Kafka");
        names.put("spark", "Spark");
        names.put("scala", "Scala");
        names.put("connector", "spark-cassandra-connector");
        names.put("cassandra", "Cassandra");
        names.put("driver", "Java driver");
        return names;
    }

    String summary() {
        return String.format(Locale.ROOT, "%d cores, %.1f GiB memory, load average %.1f at the start; %s; %s", cores,
                memoryBytes / (1024.0 * 1024 * 1024), loadAverage, java, os);
    }

    String versionSummary() {
        StringBuilder text = new StringBuilder();
        versions.forEach((name, version) -> text.append(text.length() == 0 ? "" : ", ").append(name).append(' ').append(version));
        return text.toString();
    }
}

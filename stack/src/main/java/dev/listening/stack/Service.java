package dev.listening.stack;

import dev.listening.stack.process.ClassArchives;
import dev.listening.stack.process.JvmCommand;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One service of the local stack: its files, its ports, how to run it and how to tell that it is ready. */
public interface Service {
    String name();

    /** Its runtime under stack/runtimes/, whose classpath.txt it runs with. */
    String runtime();

    /** Variables its JVM needs besides the inherited environment. */
    default Map<String, String> environment() {
        return Map.of();
    }

    /** Its directory under PIPELINE_HOME: configuration, data, log and pid file. */
    Path dir();

    /** The file that holds its ports and paths; a running instance was started with what it held then. */
    Path configFile();

    /** What {@link #prepare} writes into {@link #configFile()} for these settings. */
    String configuration();

    /** Every port it binds; the first is the one clients use. */
    List<PortUse> ports();

    /** Writes the configuration and prepares storage (a tool's JVM with its class archive); idempotent, so a restart keeps the data. */
    void prepare(Path java, String classpath, ClassArchives archives) throws InterruptedException;

    JvmCommand command(Path java, String classpath);

    /** One readiness attempt, as a client would do it, that gives up after {@code timeout}. */
    boolean ready(Duration timeout) throws InterruptedException;
}

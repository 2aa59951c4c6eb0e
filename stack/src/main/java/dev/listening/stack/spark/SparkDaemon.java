package dev.listening.stack.spark;

import dev.listening.stack.PortUse;
import dev.listening.stack.Service;
import dev.listening.stack.process.ClassArchives;
import dev.listening.stack.process.JvmCommand;
import org.apache.spark.launcher.JavaModuleOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Spark standalone daemon (the master or a worker), run the way sbin/start-master.sh and
 * start-worker.sh run it: Spark's main class on Spark's jars. SPARK_HOME is a directory whose jars/
 * links those jars, because a worker builds its executors' classpath from SPARK_HOME/jars.
 */
public final class SparkDaemon implements Service {
    public static final String MASTER = "spark-master";
    static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
    static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
    /** spark-daemon.sh gives 1 GiB; the daemons only keep the cluster's state. */
    static final String HEAP = "-Xmx256m";

    private final String name;
    private final SparkRuntime runtime;
    private final String mainClass;
    private final List<String> arguments;
    private final List<PortUse> ports;
    private final String host;
    private final SparkMasterState.Probe probe;
    private final Predicate<SparkMasterState> ready;

    private SparkDaemon(String name, SparkRuntime runtime, String mainClass, List<String> arguments, List<PortUse> ports,
                        String host, SparkMasterState.Probe probe, Predicate<SparkMasterState> ready) {
        this.name = name;
        this.runtime = runtime;
        this.mainClass = mainClass;
        this.arguments = List.copyOf(arguments);
        this.ports = List.copyOf(ports);
        this.host = host;
        this.probe = probe;
        this.ready = ready;
    }

    public static String workerName(int number) {
        return "spark-worker-" + number;
    }

    /** The master; ready once its UI reports it ALIVE. */
    public static SparkDaemon master(SparkCluster cluster, SparkRuntime runtime, String masterHowToChange, String uiHowToChange) {
        SparkMasterState.Probe probe = new SparkMasterState.Probe(cluster.ui());
        return new SparkDaemon(MASTER, runtime, MASTER_CLASS,
                List.of("--host", cluster.master().host(), "--port", Integer.toString(cluster.master().port()),
                        "--webui-port", Integer.toString(cluster.uiPort())),
                List.of(new PortUse(cluster.master(), "spark master", masterHowToChange),
                        new PortUse(cluster.ui(), "spark master UI", uiHowToChange)),
                cluster.master().host(), probe, SparkMasterState::alive);
    }

    /** Worker {@code number} (from 1); ready once the master lists it ALIVE. */
    public static SparkDaemon worker(SparkCluster cluster, int number, SparkRuntime runtime, String uiHowToChange) {
        String name = workerName(number);
        Path workDir = runtime.home().resolve(name).resolve("work");
        return new SparkDaemon(name, runtime, WORKER_CLASS,
                List.of("--host", cluster.master().host(), "--webui-port", Integer.toString(cluster.workerUi(number).port()),
                        "--cores", Integer.toString(cluster.workerCores()), "--memory", cluster.workerMemory(),
                        "--work-dir", workDir.toString(), cluster.masterUrl()),
                List.of(new PortUse(cluster.workerUi(number), "spark worker UI", uiHowToChange)),
                cluster.master().host(), new SparkMasterState.Probe(cluster.ui()),
                state -> state.worker(cluster.workerUi(number)).filter(SparkMasterState.Worker::alive).isPresent());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String runtime() {
        return SparkRuntime.RUNTIME;
    }

    @Override
    public Path dir() {
        return runtime.home().resolve(name);
    }

    @Override
    public Path configFile() {
        return dir().resolve(name + ".args");
    }

    /** Its arguments, one a line: they hold every port and path it uses. */
    @Override
    public String configuration() {
        return String.join("\n", arguments) + "\n";
    }

    @Override
    public List<PortUse> ports() {
        return ports;
    }

    @Override
    public Map<String, String> environment() {
        // SPARK_LOCAL_IP: a worker's executors inherit it and bind the loopback too.
        return Map.of("SPARK_HOME", runtime.sparkHome().toString(), "SPARK_SCALA_VERSION", SparkRuntime.SCALA_BINARY_VERSION,
                "SPARK_LOCAL_IP", host);
    }

    @Override
    public void prepare(Path java, String classpath, ClassArchives archives) {
        try {
            Files.createDirectories(tmpDir());
            Files.writeString(configFile(), configuration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runtime.linkJars(classpath);
    }

    private Path tmpDir() {
        return dir().resolve("tmp");
    }

    @Override
    public JvmCommand command(Path java, String classpath) {
        List<String> options = new ArrayList<>(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        options.addAll(List.of(HEAP, "-Djava.io.tmpdir=" + tmpDir(), "-Dlog4j2.configurationFile=" + runtime.log4jConfig()));
        return new JvmCommand(java, options, classpath, mainClass, arguments);
    }

    @Override
    public boolean ready(Duration timeout) throws InterruptedException {
        return probe.fetch(timeout).filter(ready).isPresent();
    }
}

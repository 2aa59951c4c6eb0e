package dev.listening.stack.spark;

import org.apache.spark.launcher.JavaModuleOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Spark application run the way spark-submit runs it: {@code org.apache.spark.deploy.SparkSubmit}
 * in a JVM whose classpath is a Spark distribution's jars (stack/runtimes/spark), the application
 * jar and main class handed to SparkSubmit. With a local master the application runs in that JVM.
 */
public record SparkJob(Path java, String sparkClasspath, String master, Map<String, String> conf,
                       Path jobJar, String mainClass, List<String> args,
                       Path tmpDir, Path log4jConfig, Path root) {
    static final String SPARK_SUBMIT = "org.apache.spark.deploy.SparkSubmit";
    /** The driver's heap: SparkSubmit's --driver-memory has no effect once its JVM runs. */
    static final String DRIVER_HEAP = "-Xmx2g";
    static final String ROOT_PROPERTY = "pipeline.root";
    /** Spark binds its driver and block manager to this address; the loopback keeps them off the network. */
    static final Map<String, String> ENVIRONMENT = Map.of("SPARK_LOCAL_IP", "127.0.0.1");

    public SparkJob {
        conf = new TreeMap<>(conf);
        args = List.copyOf(args);
    }

    /** The command line: Spark's Java 17 module flags, the driver settings, SparkSubmit and its arguments. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        command.add(DRIVER_HEAP);
        command.add("-Djava.io.tmpdir=" + tmpDir);
        command.add("-Dlog4j2.configurationFile=" + log4jConfig);
        command.add("-D" + ROOT_PROPERTY + "=" + root);
        command.add("-cp");
        command.add(sparkClasspath);
        command.add(SPARK_SUBMIT);
        command.add("--master");
        command.add(master);
        conf.forEach((key, value) -> {
            command.add("--conf");
            command.add(key + "=" + value);
        });
        command.add("--class");
        command.add(mainClass);
        command.add(jobJar.toString());
        command.addAll(args);
        return command;
    }

    public Map<String, String> environment() {
        return ENVIRONMENT;
    }

    /** The command for logs and error messages, without the kilobytes of classpath. */
    public String describe() {
        List<String> shown = new ArrayList<>(command());
        shown.set(shown.indexOf("-cp") + 1, "<spark runtime>");
        return String.join(" ", shown);
    }
}

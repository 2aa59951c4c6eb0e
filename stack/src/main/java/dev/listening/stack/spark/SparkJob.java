package dev.listening.stack.spark;

import dev.listening.stack.ProjectRoot;
import dev.listening.stack.process.JvmCommand;
import org.apache.spark.launcher.JavaModuleOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
                       Path tmpDir, Path log4jConfig, Path root, Map<String, String> environment) {
    static final String SPARK_SUBMIT = "org.apache.spark.deploy.SparkSubmit";
    /** The driver's heap: SparkSubmit's --driver-memory has no effect once its JVM runs. */
    static final String DRIVER_HEAP = "-Xmx2g";
    /** Spark binds its driver and block manager to this address; the loopback keeps them off the network. */
    static final Map<String, String> ENVIRONMENT = Map.of("SPARK_LOCAL_IP", "127.0.0.1");

    /** {@code environment} is added to the job's (secrets go there, never into its arguments). */
    public SparkJob {
        Map<String, String> all = new TreeMap<>(ENVIRONMENT);
        all.putAll(environment);
        environment = Collections.unmodifiableMap(all);
        conf = new TreeMap<>(conf);
        args = List.copyOf(args);
    }

    /** The command line: Spark's Java 17 module flags, the driver settings, SparkSubmit and its arguments. */
    JvmCommand jvmCommand() {
        List<String> jvm = new ArrayList<>(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        jvm.add(DRIVER_HEAP);
        jvm.add("-Djava.io.tmpdir=" + tmpDir);
        jvm.add("-Dlog4j2.configurationFile=" + log4jConfig);
        jvm.add("-D" + ProjectRoot.PROPERTY + "=" + root);
        List<String> submit = new ArrayList<>(List.of("--master", master));
        conf.forEach((key, value) -> submit.addAll(List.of("--conf", key + "=" + value)));
        submit.addAll(List.of("--class", mainClass, jobJar.toString()));
        submit.addAll(args);
        return new JvmCommand(java, jvm, sparkClasspath, SPARK_SUBMIT, submit);
    }
}

package dev.listening.stack.spark;

import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.UserError;
import dev.listening.stack.process.JvmCommand;
import dev.listening.stack.process.RuntimeClasspath;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a Spark job needs from this checkout: Spark's jars (stack/runtimes/spark), the streamer's
 * job jar, and under $PIPELINE_HOME/spark a log4j2 configuration and a scratch directory.
 */
public record SparkRuntime(Path root, Path home) {
    /** stack/runtimes/spark: the stand-in for a Spark distribution's jars/. */
    static final String RUNTIME = "spark";
    /** Spark's launcher asks for it when SPARK_HOME is not a build tree. */
    static final String SCALA_BINARY_VERSION = "2.13";
    static final String BUILD = "build the project first: mvn -B -q install -DskipTests (./pipeline does it when needed)";
    private static final String LOG4J_RESOURCE = "dev/listening/stack/spark/log4j2.xml";
    /** The local stack's drivers run next to other JVMs: no web UI port to collide over. */
    static final Map<String, String> LOCAL_CONF = Map.of("spark.ui.enabled", "false");

    public SparkRuntime {
        root = root.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
    }

    /** The Cassandra credentials of this process (or of the stack under home), handed to the job in its environment. */
    private Map<String, String> credentials() {
        return CassandraCredentials.resolve(System.getenv(), home).map(CassandraCredentials::environment).orElse(Map.of());
    }

    public SparkJob job(String master, Path jobJar, String mainClass, List<String> args) {
        return new SparkJob(JvmCommand.currentJava(), classpath(), master, LOCAL_CONF, jobJar, mainClass, args,
                tmpDir(), log4jConfig(), root, credentials());
    }

    /**
     * With {@code conf} added (spark-submit's --conf). On a cluster master the executors also get
     * {@code resources} and, as the driver, this checkout's logging configuration (a worker's
     * executors log at INFO into its work directory otherwise).
     */
    public SparkJob job(String master, ExecutorResources resources, Map<String, String> conf, Path jobJar, String mainClass,
                        List<String> args) {
        Map<String, String> all = new HashMap<>(LOCAL_CONF);
        if (!isLocal(master)) {
            all.putAll(resources.conf());
            all.put("spark.executor.extraJavaOptions", "-Dlog4j2.configurationFile=" + log4jConfig());
        }
        all.putAll(conf);
        return new SparkJob(JvmCommand.currentJava(), classpath(), master, all, jobJar, mainClass, args,
                tmpDir(), log4jConfig(), root, credentials());
    }

    static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /** The spark-runtime module's classpath.txt: the jars spark-submit would take from $SPARK_HOME/jars. */
    public String classpath() {
        return RuntimeClasspath.read(root, RUNTIME);
    }

    /** streamer/target/streamer-VERSION-job.jar, the jar a cluster's spark-submit gets too. */
    public Path streamerJar() {
        Path target = root.resolve("streamer/target");
        try (Stream<Path> files = Files.isDirectory(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().matches("streamer-.*-job\\.jar"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new UserError("the streamer job jar (streamer/target/streamer-*-job.jar) is missing: " + BUILD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written from the classpath each time, so an edited resource takes effect on the next start. */
    public Path log4jConfig() {
        Path file = home.resolve("spark/log4j2.xml");
        try (InputStream in = SparkRuntime.class.getClassLoader().getResourceAsStream(LOG4J_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(LOG4J_RESOURCE + " is missing from the classpath");
            }
            Files.createDirectories(file.getParent());
            byte[] config = in.readAllBytes();
            if (!Files.exists(file) || !Arrays.equals(config, Files.readAllBytes(file))) {
                Files.write(file, config);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** $PIPELINE_HOME/spark/home: SPARK_HOME of the standalone daemons; its jars/ is filled by {@link #linkJars}. */
    public Path sparkHome() {
        return home.resolve("spark/home");
    }

    /** SPARK_HOME/jars as links to the runtime's jars, redone when the classpath changed; daemons start in parallel. */
    synchronized void linkJars(String classpath) {
        Path jars = sparkHome().resolve("jars");
        Path list = sparkHome().resolve("classpath.txt");
        try {
            if (Files.exists(list) && Files.readString(list).equals(classpath)) {
                return;
            }
            if (Files.exists(jars)) {
                try (Stream<Path> old = Files.list(jars)) {
                    for (Path link : old.toList()) {
                        Files.delete(link);
                    }
                }
            }
            Files.createDirectories(jars);
            for (String jar : classpath.split(File.pathSeparator)) {
                Path target = Path.of(jar);
                Files.createSymbolicLink(jars.resolve(target.getFileName()), target);
            }
            Files.writeString(list, classpath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** java.io.tmpdir of the driver: Spark's block manager and native libraries stay out of /tmp. */
    public Path tmpDir() {
        try {
            return Files.createDirectories(home.resolve("spark/tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

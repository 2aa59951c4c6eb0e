package dev.listening.stack.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listening.contract.Env;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

class SparkJobTest {
    private static final Map<String, String> SECRET = Map.of(Env.CASSANDRA_PASSWORD, "s3cret");

    private static SparkJob job(String master) {
        return new SparkJob(Path.of("/jdk/bin/java"), "/spark/a.jar:/spark/b.jar", master,
                Map.of("spark.ui.enabled", "false"), Path.of("/work/streamer-job.jar"), "dev.example.Main",
                List.of("--topic", "t"), Path.of("/home/spark/tmp"), Path.of("/home/spark/log4j2.xml"), Path.of("/work"),
                SECRET);
    }

    @Test
    void runsSparkSubmitWithTheJobJarAndItsArgumentsLast() {
        List<String> command = job("local[*]").jvmCommand().argv();
        int submit = command.indexOf(SparkJob.SPARK_SUBMIT);

        assertEquals("/jdk/bin/java", command.get(0));
        assertEquals(List.of("-cp", "/spark/a.jar:/spark/b.jar"), command.subList(submit - 2, submit));
        assertEquals(List.of("--master", "local[*]", "--conf", "spark.ui.enabled=false", "--class", "dev.example.Main",
                "/work/streamer-job.jar", "--topic", "t"), command.subList(submit + 1, command.size()));
    }

    @Test
    void theJvmGetsSparksJava17FlagsAndTheDriverSettings() {
        List<String> command = job("local[*]").jvmCommand().argv();
        List<String> jvm = command.subList(1, command.indexOf("-cp"));

        // Without these Spark fails: StorageUtils cannot access sun.nio.ch.DirectBuffer (NOTES.md).
        assertTrue(jvm.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), jvm::toString);
        assertTrue(jvm.contains("--add-opens=java.base/java.lang.invoke=ALL-UNNAMED"), jvm::toString);
        assertTrue(jvm.containsAll(List.of("-Xmx2g", "-Djava.io.tmpdir=/home/spark/tmp",
                "-Dlog4j2.configurationFile=/home/spark/log4j2.xml", "-Dpipeline.root=/work")), jvm::toString);
    }

    @Test
    void anyMasterPassesThroughToSparkSubmit() {
        List<String> command = job("spark://cluster:7077").jvmCommand().argv();

        assertEquals("spark://cluster:7077", command.get(command.indexOf("--master") + 1));
    }

    @Test
    void theDriverBindsToTheLoopback() {
        assertEquals("127.0.0.1", job("local[2]").environment().get("SPARK_LOCAL_IP"));
    }

    @Test
    void aSecretGoesIntoTheEnvironmentAndNeverIntoTheCommandLine() {
        SparkJob job = job("local[2]");

        assertEquals("s3cret", job.environment().get(Env.CASSANDRA_PASSWORD));
        List<String> command = job.jvmCommand().argv();
        assertTrue(command.stream().noneMatch(arg -> arg.contains("s3cret")), command::toString);
    }

    @Test
    void describeLeavesTheClasspathOut() {
        String described = job("local[2]").jvmCommand().describe();

        assertTrue(described.contains("-cp <2 jars> " + SparkJob.SPARK_SUBMIT), described);
        assertTrue(!described.contains("/spark/a.jar"), described);
    }
}

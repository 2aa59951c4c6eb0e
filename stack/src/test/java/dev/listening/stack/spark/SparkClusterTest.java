package dev.listening.stack.spark;

import dev.listening.contract.UserError;
import dev.listening.stack.net.HostPort;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparkClusterTest {
    private final SparkCluster cluster = new SparkCluster(new HostPort("127.0.0.1", 39077), 39080, 2, 1, "1g");
    private final SparkRuntime runtime = new SparkRuntime(Path.of("/p"), Path.of("/p/.pipeline"));

    @Test
    void workersUiPortsFollowTheMasters() {
        assertEquals("spark://127.0.0.1:39077", cluster.masterUrl());
        assertEquals(new HostPort("127.0.0.1", 39081), cluster.workerUi(1));
        assertEquals(new HostPort("127.0.0.1", 39082), cluster.workerUi(2));
        assertEquals("http://127.0.0.1:39080/", SparkCluster.uiUrl(cluster.ui()).toString());
    }

    @Test
    void theMasterAndAWorkerRunSparksOwnMainsOnTheirAddresses() {
        SparkDaemon master = SparkDaemon.master(cluster, runtime, "--spark-master", "--spark-ui-port");
        SparkDaemon worker = SparkDaemon.worker(cluster, 2, runtime, "--spark-ui-port");

        List<String> masterArgv = master.command(Path.of("/jdk/bin/java"), "/spark/a.jar").argv();
        assertTrue(masterArgv.contains(SparkDaemon.MASTER_CLASS), masterArgv::toString);
        assertEquals(List.of("--host", "127.0.0.1", "--port", "39077", "--webui-port", "39080"),
                masterArgv.subList(masterArgv.size() - 6, masterArgv.size()));
        List<String> workerArgv = worker.command(Path.of("/jdk/bin/java"), "/spark/a.jar").argv();
        assertEquals(List.of("--host", "127.0.0.1", "--webui-port", "39082", "--cores", "1", "--memory", "1g",
                "--work-dir", "/p/.pipeline/spark-worker-2/work", "spark://127.0.0.1:39077"),
                workerArgv.subList(workerArgv.indexOf(SparkDaemon.WORKER_CLASS) + 1, workerArgv.size()));
        assertTrue(workerArgv.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), workerArgv::toString);
        assertTrue(workerArgv.contains("-Djava.io.tmpdir=/p/.pipeline/spark-worker-2/tmp"), workerArgv::toString);
        assertEquals("spark-worker-2", worker.name());
        assertEquals(Path.of("/p/.pipeline/spark-worker-2"), worker.dir());
    }

    @Test
    void workersFindSparkHomeForTheirExecutors() {
        Map<String, String> env = SparkDaemon.worker(cluster, 1, runtime, "--spark-ui-port").environment();

        assertEquals("/p/.pipeline/spark/home", env.get("SPARK_HOME"));
        assertEquals("127.0.0.1", env.get("SPARK_LOCAL_IP"));
    }

    @Test
    void executorResourcesBecomeSparkSubmitSettings() {
        assertEquals(Map.of("spark.executor.memory", "512m", "spark.executor.cores", "2", "spark.cores.max", "4"),
                new ExecutorResources("512m", 2, OptionalInt.of(4)).conf());
        assertFalse(new ExecutorResources("1g", 1, OptionalInt.empty()).conf().containsKey("spark.cores.max"));
        assertThrows(UserError.class, () -> new ExecutorResources("lots", 1, OptionalInt.empty()));
        assertThrows(UserError.class, () -> new ExecutorResources("1g", 0, OptionalInt.empty()));
    }

    @Test
    void onlyClusterMastersGetExecutorSettings() {
        assertTrue(SparkRuntime.isLocal("local[2]"));
        assertTrue(SparkRuntime.isLocal("local"));
        assertFalse(SparkRuntime.isLocal("spark://h:7077"));
        assertFalse(SparkRuntime.isLocal("k8s://https://api:6443"));
    }

    @Test
    void refusesAClusterWithoutWorkersOrWithNonsenseMemory() {
        HostPort master = new HostPort("127.0.0.1", 7077);
        assertThrows(UserError.class, () -> new SparkCluster(master, 8080, 0, 1, "1g"));
        assertThrows(UserError.class, () -> new SparkCluster(master, 8080, 1, 1, "much"));
    }
}

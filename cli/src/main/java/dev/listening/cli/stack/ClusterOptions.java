package dev.listening.cli.stack;

import dev.listening.contract.Env;
import dev.listening.stack.ClusterSettings;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.spark.SparkCluster;
import picocli.CommandLine.Option;

/** Cluster mode (--cluster) and its shape: the same options for up and status. */
public final class ClusterOptions {
    @Option(names = ClusterSettings.CLUSTER_FLAG,
            description = "Cluster mode: a ring of --cassandra-nodes Cassandra nodes on consecutive addresses from --cassandra's "
                    + "(127.0.0.1, .2, .3, same ports), and a Spark standalone master with --spark-workers workers, "
                    + "instead of the one Cassandra node.")
    boolean cluster;

    @Option(names = "--cassandra-nodes", paramLabel = "N", defaultValue = "3",
            description = "Cluster mode: Cassandra nodes in the ring. Default: ${DEFAULT-VALUE}.")
    int cassandraNodes;

    @Option(names = "--cassandra-heap", paramLabel = "SIZE", defaultValue = "512M",
            description = "Cluster mode: each node's maximum heap (-Xmx). Default: ${DEFAULT-VALUE}.")
    String cassandraHeap;

    @Option(names = ClusterSettings.SPARK_MASTER_FLAG, paramLabel = "HOST:PORT", defaultValue = Env.SPARK_MASTER_OPTION,
            description = "Cluster mode: the Spark master's address (env " + Env.SPARK_MASTER + "). Default: ${DEFAULT-VALUE}.")
    String sparkMaster;

    @Option(names = ClusterSettings.SPARK_UI_PORT_FLAG, paramLabel = "PORT", defaultValue = Env.SPARK_UI_PORT_OPTION,
            description = "Cluster mode: the Spark master's web UI port; worker N's UI listens on this port + N "
                    + "(env " + Env.SPARK_UI_PORT + "). Default: ${DEFAULT-VALUE}.")
    int sparkUiPort;

    @Option(names = "--spark-workers", paramLabel = "N", defaultValue = "2",
            description = "Cluster mode: Spark workers. Default: ${DEFAULT-VALUE}.")
    int sparkWorkers;

    @Option(names = "--worker-cores", paramLabel = "N", defaultValue = "1",
            description = "Cluster mode: cores each worker offers to executors. Default: ${DEFAULT-VALUE}.")
    int workerCores;

    @Option(names = "--worker-memory", paramLabel = "SIZE", defaultValue = "1g",
            description = "Cluster mode: memory each worker offers to executors. Default: ${DEFAULT-VALUE}.")
    String workerMemory;

    boolean enabled() {
        return cluster;
    }

    ClusterSettings settings() {
        return new ClusterSettings(cassandraNodes, cassandraHeap,
                new SparkCluster(HostPort.parse(sparkMaster), sparkUiPort, sparkWorkers, workerCores, workerMemory));
    }
}

package dev.listening.cli;

import dev.listening.stack.spark.ExecutorResources;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/** spark-submit's sizing of the streamer's executors on a cluster master, and its --conf settings. */
public final class ExecutorOptions {
    @Option(names = "--executor-memory", paramLabel = "SIZE", defaultValue = "768m",
            description = "Cluster masters: memory of each executor (spark.executor.memory). Default: ${DEFAULT-VALUE}.")
    String executorMemory;

    @Option(names = "--executor-cores", paramLabel = "N", defaultValue = "1",
            description = "Cluster masters: cores of each executor (spark.executor.cores). Default: ${DEFAULT-VALUE}.")
    int executorCores;

    @Option(names = "--total-executor-cores", paramLabel = "N",
            description = "Cluster masters: cores of all executors together (spark.cores.max). Default: all the cluster offers.")
    Integer totalExecutorCores;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, as spark-submit's --conf; repeatable, e.g. --conf spark.cassandra.output.concurrent.writes=10.")
    Map<String, String> conf = new LinkedHashMap<>();

    public ExecutorResources resources() {
        return new ExecutorResources(executorMemory, executorCores,
                totalExecutorCores == null ? OptionalInt.empty() : OptionalInt.of(totalExecutorCores));
    }

    public Map<String, String> conf() {
        return conf;
    }
}

package dev.listening.stack.spark;

import dev.listening.contract.UserError;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What a job asks a cluster manager for (standalone, YARN, Kubernetes): memory and cores per
 * executor, and optionally a cap on the cores of all its executors. A local master ignores them.
 */
public record ExecutorResources(String memory, int cores, OptionalInt totalCores) {
    public ExecutorResources {
        if (!memory.matches("\\d+[kKmMgGtT]?")) {
            throw new UserError("executor memory '" + memory + "' is not a size such as 512m or 2g");
        }
        if (cores < 1 || totalCores.orElse(1) < 1) {
            throw new UserError("executor cores must be at least 1");
        }
    }

    /** spark-submit's --executor-memory, --executor-cores and --total-executor-cores, as --conf entries. */
    public Map<String, String> conf() {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.executor.memory", memory);
        conf.put("spark.executor.cores", Integer.toString(cores));
        totalCores.ifPresent(total -> conf.put("spark.cores.max", Integer.toString(total)));
        return conf;
    }
}

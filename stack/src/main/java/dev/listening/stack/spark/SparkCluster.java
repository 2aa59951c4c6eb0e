package dev.listening.stack.spark;

import dev.listening.contract.UserError;
import dev.listening.stack.net.HostPort;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on this machine: a master and {@code workers} workers, each offering
 * {@code workerCores} cores and {@code workerMemory} to executors. Worker N's web UI listens on the
 * master's UI port + N, which is also how the master's state names it; the other ports are Spark's pick.
 */
public record SparkCluster(HostPort master, int uiPort, int workers, int workerCores, String workerMemory) {
    private static final Pattern MEMORY = Pattern.compile("\\d+[mMgG]");

    public SparkCluster {
        if (workers < 1 || workerCores < 1) {
            throw new UserError("a Spark cluster needs at least 1 worker with at least 1 core, not " + workers + " with " + workerCores);
        }
        if (!MEMORY.matcher(workerMemory).matches()) {
            throw new UserError("worker memory '" + workerMemory + "' is not a size such as 512m or 1g");
        }
        master.withPort(uiPort + workers);
    }

    public String masterUrl() {
        return "spark://" + master;
    }

    public HostPort ui() {
        return master.withPort(uiPort);
    }

    /** Worker {@code number} (from 1): its UI address. */
    public HostPort workerUi(int number) {
        return master.withPort(uiPort + number);
    }

    public static URI uiUrl(HostPort ui) {
        return URI.create("http://" + ui + "/");
    }
}

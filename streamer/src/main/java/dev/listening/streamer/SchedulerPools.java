package dev.listening.streamer;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two queries share the executors' cores through Spark's fair scheduler: the history's tasks go first whenever
 * they wait, so a rollup batch (a stateful aggregation and five table writes every rollup interval) never holds the
 * history's micro-batches behind its queued tasks, which under FIFO put seconds on the end-to-end latency.
 */
final class SchedulerPools {
    static final String HISTORY = "history";
    static final String ROLLUPS = "rollups";
    private static final String POOL_PROPERTY = "spark.scheduler.pool";

    private SchedulerPools() {
    }

    /**
     * The pools in Spark's allocation file: the history's minShare is more cores than any cluster has, so while its tasks
     * wait it is the needy pool and goes first; the rollups take what it leaves.
     */
    static String allocations() {
        return """
                <?xml version="1.0"?>
                <allocations>
                  <pool name="%s"><schedulingMode>FIFO</schedulingMode><weight>4</weight><minShare>%d</minShare></pool>
                  <pool name="%s"><schedulingMode>FIFO</schedulingMode><weight>1</weight><minShare>0</minShare></pool>
                </allocations>
                """.formatted(HISTORY, Integer.MAX_VALUE, ROLLUPS);
    }

    /** Fair scheduling with the pools, unless spark-submit chose a scheduler mode; the file is the driver's, written here. */
    static void configure(SparkConf conf) {
        if (conf.contains("spark.scheduler.mode")) {
            return;
        }
        try {
            Path file = Files.createTempFile("listening-pools", ".xml");
            file.toFile().deleteOnExit();
            Files.writeString(file, allocations());
            conf.set("spark.scheduler.mode", "FAIR").set("spark.scheduler.allocation.file", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scheduler pools' file", e);
        }
    }

    /**
     * Jobs started from this thread from now on, and from the threads it starts (a query's stream thread), run in
     * {@code pool}; null: the default pool.
     */
    static void use(SparkContext context, String pool) {
        context.setLocalProperty(POOL_PROPERTY, pool);
    }
}

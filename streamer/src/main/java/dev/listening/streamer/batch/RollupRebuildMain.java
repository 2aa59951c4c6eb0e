package dev.listening.streamer.batch;

import dev.listening.contract.BatchOptions;
import dev.listening.contract.Cli;
import dev.listening.contract.Names;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** spark-submit's main class for ./pipeline rollups rebuild: reads the options and runs {@link RollupRebuild}. */
@Command(name = "rollups-rebuild", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Recomputes the rollups of a date (or an hour of it) from " + Names.HISTORY_TABLE + ".")
public final class RollupRebuildMain implements Callable<Integer> {
    @Mixin
    BatchOptions options;

    public static void main(String[] args) {
        System.exit(Cli.execute(new RollupRebuildMain(), args));
    }

    @Override
    public Integer call() {
        try (SparkSession spark = BatchSpark.start("rollups-rebuild", options)) {
            RollupRebuild.Counts counts = RollupRebuild.run(spark, options.keyspace.keyspace(), options.date(), options.hour());
            System.out.printf("rollups rebuild %s%s: %d rows read, %d rows written%n", options.date(),
                    options.hour().isPresent() ? " hour " + options.hour().getAsInt() : "", counts.read(), counts.written());
        }
        return 0;
    }
}

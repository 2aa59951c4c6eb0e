package dev.listening.cli;

import dev.listening.contract.BatchOptions;
import dev.listening.contract.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** ./pipeline rollups: maintenance of the rollup tables. */
@Command(name = "rollups", mixinStandardHelpOptions = true, subcommands = RollupsCommand.Rebuild.class,
        description = "Maintenance of the rollup tables the streamer keeps.")
public final class RollupsCommand {

    /** ./pipeline rollups rebuild: the rollups of a date (hour) recomputed from the history by a Spark batch job. */
    @Command(name = "rebuild", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Recomputes the four rollup tables of a date (or one hour of it) from " + Names.HISTORY_TABLE
                    + " and overwrites their rows with full values: a rebuild run twice writes the same rows.",
                    "A Spark batch job on --master that reads the date's partitions only; prints rows read and written."})
    static final class Rebuild implements Callable<Integer> {
        @Mixin
        MasterOption master;

        @Mixin
        ExecutorOptions executors;

        @Mixin
        BatchOptions batch;

        @Mixin
        HomeOption home;

        @Override
        public Integer call() throws InterruptedException {
            return BatchSubmission.run(home, master, executors, BatchOptions.REBUILD_MAIN_CLASS, batch.args());
        }
    }
}

package dev.listening.cli;

import dev.listening.contract.BatchOptions;
import dev.listening.contract.Names;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** ./pipeline archive: a date's plays as Parquet, by a Spark batch job of the streamer's job jar. */
@Command(name = "archive", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a date's plays from " + Names.HISTORY_TABLE + " as Parquet files partitioned by date and hour, "
                + "replacing only the date/hour directories it writes (a rerun gives the same rows).",
                "A Spark batch job on --master that reads the date's partitions only; prints rows read and written."})
public final class ArchiveCommand implements Callable<Integer> {
    @Mixin
    MasterOption master;

    @Mixin
    ExecutorOptions executors;

    @Mixin
    BatchOptions batch;

    @Option(names = BatchOptions.OUT, paramLabel = "DIR",
            description = "The archive's root directory. Default: " + BatchOptions.DEFAULT_ARCHIVE + " under the project root.")
    Path out;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws InterruptedException {
        return BatchSubmission.run(home, master, executors, BatchOptions.ARCHIVE_MAIN_CLASS, args());
    }

    List<String> args() {
        Path directory = out == null ? home.root().resolve(BatchOptions.DEFAULT_ARCHIVE) : out;
        List<String> args = new ArrayList<>(batch.args());
        args.addAll(List.of(BatchOptions.OUT, directory.toAbsolutePath().toString()));
        return args;
    }
}

package dev.listening.streamer.batch;

import dev.listening.contract.BatchOptions;
import dev.listening.contract.Cli;
import dev.listening.contract.Names;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** spark-submit's main class for ./pipeline archive: reads the options and runs {@link Archive}. */
@Command(name = "archive", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a date's plays from " + Names.HISTORY_TABLE + " as Parquet, partitioned by date and hour.")
public final class ArchiveMain implements Callable<Integer> {
    @Mixin
    BatchOptions options;

    @Option(names = BatchOptions.OUT, paramLabel = "DIR", description = "The archive's root directory. Default: "
            + BatchOptions.DEFAULT_ARCHIVE + " under the project root.")
    Path out = BatchOptions.defaultArchive();

    public static void main(String[] args) {
        System.exit(Cli.execute(new ArchiveMain(), args));
    }

    @Override
    public Integer call() {
        try (SparkSession spark = BatchSpark.start("archive", options)) {
            Archive.Counts counts = Archive.run(spark, options.keyspace.keyspace(), options.date(), options.hour(), out);
            System.out.printf("archive %s: %d rows read, %d rows written to %s%n", options.date(), counts.read(),
                    counts.written(), out.toAbsolutePath());
        }
        return 0;
    }
}

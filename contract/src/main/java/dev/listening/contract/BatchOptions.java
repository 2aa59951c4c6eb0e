package dev.listening.contract;

import dev.listening.contract.options.CassandraOptions;
import dev.listening.contract.options.KeyspaceOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The options of the batch jobs over listening_history (./pipeline archive, ./pipeline rollups rebuild),
 * declared once: the jobs' mains and the CLI commands take them as a mixin, and the CLI builds the jobs'
 * arguments from the same names ({@link #args}).
 */
public final class BatchOptions {
    public static final String ARCHIVE_MAIN_CLASS = "dev.listening.streamer.batch.ArchiveMain";
    public static final String REBUILD_MAIN_CLASS = "dev.listening.streamer.batch.RollupRebuildMain";
    public static final String DATE = "--date";
    public static final String HOUR = "--hour";
    public static final String OUT = "--out";
    /** Relative to the project root (system property pipeline.root). */
    public static final String DEFAULT_ARCHIVE = "output/archive";
    private static final int HOURS = 24;

    @Option(names = DATE, paramLabel = "YYYY-MM-DD", required = true, description = "The UTC date of the plays.")
    LocalDate date;

    @Option(names = HOUR, paramLabel = "H", description = "Only this UTC hour (0-23) of the date. Default: every hour.")
    Integer hour;

    @Mixin
    public CassandraOptions cassandra;

    @Mixin
    public KeyspaceOption keyspace;

    public LocalDate date() {
        return date;
    }

    public OptionalInt hour() {
        if (hour == null) {
            return OptionalInt.empty();
        }
        if (hour < 0 || hour >= HOURS) {
            throw new UserError(HOUR + " must be an hour from 0 to 23, not " + hour);
        }
        return OptionalInt.of(hour);
    }

    /** The job's arguments for these options. */
    public List<String> args() {
        List<String> args = new ArrayList<>(List.of(DATE, date.toString(),
                CassandraOptions.CASSANDRA, cassandra.cassandra(), CassandraOptions.DATACENTER, cassandra.datacenter(),
                KeyspaceOption.KEYSPACE, keyspace.keyspace()));
        hour().ifPresent(h -> args.addAll(List.of(HOUR, Integer.toString(h))));
        return args;
    }

    /** The default archive directory under the project root. */
    public static Path defaultArchive() {
        return Path.of(System.getProperty(Env.ROOT_PROPERTY, ".")).resolve(DEFAULT_ARCHIVE);
    }
}

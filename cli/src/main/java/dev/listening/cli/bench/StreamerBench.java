package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import dev.listening.bench.StreamerThroughput;
import dev.listening.contract.StreamerOptions;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** ./pipeline bench streamer: the streamer's rows/s into Cassandra next to raw driver writes of the same rows. */
@Command(name = "streamer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Fills a fresh topic with --records producer events, warms Cassandra with raw writes, then measures "
                        + "raw asynchronous driver writes of the same rows (one row per request, then unlogged batches of one "
                        + "partition), the streamer job (spark-submit way, trigger 1s) draining the topic, and both raw writes "
                        + "again, each into a fresh keyspace of the stack of ./pipeline up.",
                "Prints the streamer's rows stored per second (after --streamer-warmup-records, until the rollups have "
                        + "caught up with the last batch), both raw rates and the ratios (target against the single-row "
                        + "writes: >= " + StreamerThroughput.TARGET_RATIO + "), and writes them to --out. The scratch topic "
                        + "and keyspaces are dropped at the end."})
public final class StreamerBench extends ReportedBench<StreamerThroughput.Result> {
    @Mixin
    ServiceOptions services;

    @Mixin
    StreamerJobOptions job;

    @Option(names = "--records", paramLabel = "N", defaultValue = "600000",
            description = "Events in the topic, and rows per raw run. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = StreamerThroughput.DEFAULT_PARTITIONS,
            description = "Partitions of the topic: Spark reads each in a task of its own. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = StreamerOptions.MAX_OFFSETS_PER_TRIGGER, paramLabel = "N",
            defaultValue = StreamerOptions.DEFAULT_MAX_OFFSETS_PER_TRIGGER,
            description = "The streamer's batch size (the job's default). Default: ${DEFAULT-VALUE}.")
    long maxOffsetsPerTrigger;

    @Option(names = "--warmup-rows", paramLabel = "N", defaultValue = "600000",
            description = "Raw rows written first to warm Cassandra up. Default: ${DEFAULT-VALUE}.")
    long warmupRows;

    @Option(names = "--streamer-warmup-records", paramLabel = "N", defaultValue = "200000",
            description = "Records in the topic ahead of the measured ones, for the streamer's JIT. Default: ${DEFAULT-VALUE}.")
    long streamerWarmupRecords;

    @Option(names = "--profile", description = "Records the streamer's and the local Cassandra's JVMs with JFR while the "
            + "streamer runs (" + StreamerThroughput.STREAMER_RECORDING + ", " + StreamerThroughput.CASSANDRA_RECORDING
            + " next to --out) and adds their CPU budget by stage to the report.")
    boolean profile;

    @Mixin
    ReportFileOption out;

    @Override
    Benchmark<StreamerThroughput.Result> benchmark() {
        Path root = ProjectRoot.get();
        StreamerThroughput benchmark = new StreamerThroughput(new StreamerThroughput.Settings(services.bootstrap(),
                services.cassandra(), services.datacenter(), root, job.home(), job.songs(), records, partitions,
                maxOffsetsPerTrigger, warmupRows, streamerWarmupRecords, job.master(),
                out().toAbsolutePath().resolveSibling(StreamerThroughput.STREAMER_LOG)));
        return profile ? benchmark.profiledInto(out().toAbsolutePath().getParent()) : benchmark;
    }
}

package dev.listening.cli.bench;

import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ./pipeline bench streamer: the streamer's rows/s into Cassandra next to raw driver writes of the same rows. */
@Command(name = "streamer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Fills a fresh topic with --records producer events, warms Cassandra with raw writes, then measures "
                        + "raw asynchronous driver writes of the same rows, the streamer job (spark-submit way, trigger 1s) "
                        + "draining the topic, and raw writes again, each into a fresh keyspace of the stack of ./pipeline up.",
                "Prints the streamer's steady rows/s (after --streamer-warmup-records), the raw rate and their ratio "
                        + "(target: >= 0.7), and writes them to --out. The scratch topic and keyspaces are dropped at the end."})
public final class StreamerBench extends ReportedBench<StreamerThroughput.Result> {
    static final double TARGET_RATIO = 0.7;

    @Mixin
    ServiceOptions services;

    @Mixin
    StreamerJobOptions job;

    @Option(names = "--records", paramLabel = "N", defaultValue = "600000",
            description = "Events in the topic, and rows per raw run. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "2",
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

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/output/bench/streamer.md",
            description = "The report; the streamer's log goes next to it. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    Path out() {
        return out;
    }

    @Override
    StreamerThroughput.Result measure() throws InterruptedException {
        if (records < 3 * maxOffsetsPerTrigger) {
            throw new UserError("--records must be at least three batches (3 x " + StreamerOptions.MAX_OFFSETS_PER_TRIGGER
                    + ") so that a steady rate shows after the first batch");
        }
        if (partitions < 1 || warmupRows < 0 || streamerWarmupRecords < 0) {
            throw new UserError("--partitions must be at least 1, --warmup-rows and --streamer-warmup-records not negative");
        }
        Path root = ProjectRoot.get();
        return new StreamerThroughput(new StreamerThroughput.Settings(services.bootstrap(),
                services.cassandra(), services.datacenter(), root, job.home(root), job.songs(), records, partitions,
                maxOffsetsPerTrigger, warmupRows, streamerWarmupRecords, job.master(), log())).measure();
    }

    private Path log() {
        return out.toAbsolutePath().resolveSibling("streamer-job.log");
    }

    @Override
    List<String> report(StreamerThroughput.Result result) {
        BatchLog streamer = result.streamer();
        List<BatchLog.Batch> steady = streamer.steady(result.streamerWarmupRecords());
        long warmupBatches = streamer.batches().size() - steady.size();
        List<String> lines = new ArrayList<>();
        lines.add("# Streamer throughput: Kafka -> Spark -> Cassandra next to raw driver writes");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", Kafka " + services.bootstrap() + ", Cassandra "
                + services.cassandra() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Spark master " + job.master());
        lines.add(String.format(Locale.ROOT, "- %,d measured producer events in a %d-partition topic; streamer trigger 1s, "
                + "%,d records per batch, consistency %s; raw writes: prepared INSERT, executeAsync, %d in flight, "
                + "the same rows at the same consistency", result.records(), partitions, maxOffsetsPerTrigger,
                StreamerOptions.DEFAULT_CONSISTENCY, ReferenceWriter.IN_FLIGHT));
        lines.add(String.format(Locale.ROOT, "- warm-up: Cassandra with %,d raw rows (%,.0f rows/s); the streamer with the "
                + "%,d records ahead of the measured ones (%d batches, not counted)", warmupRows, result.warmupRowsPerSecond(),
                result.streamerWarmupRecords(), warmupBatches));
        lines.add("");
        lines.add("| run | rows/s |");
        lines.add("|---|---:|");
        lines.add(String.format(Locale.ROOT, "| raw driver writes, before | %,.0f |", result.reference().before()));
        lines.add(String.format(Locale.ROOT, "| streamer, batches %d-%d (%,d rows) | %,.0f |", warmupBatches + 1,
                streamer.batches().size(), steady.stream().mapToLong(BatchLog.Batch::rows).sum(), result.streamerRowsPerSecond()));
        lines.add(String.format(Locale.ROOT, "| raw driver writes, after | %,.0f |", result.reference().after()));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "ratio: streamer / raw mean = %,.0f / %,.0f = %.2f (target >= %.1f)",
                result.streamerRowsPerSecond(), result.reference().mean(), result.ratio(), TARGET_RATIO));
        lines.add(String.format(Locale.ROOT, "rows stored by the streamer: %,d of %,d; dead letters %,d; join misses %,d",
                result.rowsStored(), result.records() + result.streamerWarmupRecords(), streamer.deadLetters(),
                streamer.joinMisses()));
        return lines;
    }
}

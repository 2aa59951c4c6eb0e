package dev.listening.cli.bench;

import dev.listening.contract.Env;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import dev.listening.stack.ClusterSettings;
import dev.listening.stack.ProjectRoot;
import dev.listening.stack.cassandra.CassandraRing;
import dev.listening.stack.net.HostPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** ./pipeline bench cluster: the streamer's rows/s on the local cluster with 1 vs 2 workers, 1 vs 3 nodes, RF 1 vs 3. */
@Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "On the cluster of ./pipeline up --cluster: fills a fresh topic with --warmup-records + --records events, then "
                        + "streams it four times (trigger 1s, 1-core executors), each into a fresh keyspace: 1 and 2 workers on "
                        + "the ring at RF 3 and LOCAL_QUORUM, 2 workers on the ring at RF 1 and LOCAL_ONE, and 2 workers on a "
                        + "node of its own at RF 1 (started on the address after the ring's for this run, then deleted).",
                "Prints each run's steady rows/s (batches after the warm-up records) and the ratios, and writes them to --out."})
public final class ClusterBench implements Callable<Integer> {
    /** --cassandra is the ring's first node, as given to up --cluster. */
    @Mixin
    ServiceOptions services;

    @Option(names = "--cassandra-nodes", paramLabel = "N", defaultValue = "3",
            description = "Nodes of the ring, as given to up --cluster. Default: ${DEFAULT-VALUE}.")
    int cassandraNodes;

    @Option(names = "--cassandra-storage-port", paramLabel = "PORT", defaultValue = Env.CASSANDRA_STORAGE_PORT_OPTION,
            description = "The ring's storage port, also the extra node's (env " + Env.CASSANDRA_STORAGE_PORT + "). Default: ${DEFAULT-VALUE}.")
    int storagePort;

    @Option(names = ClusterSettings.SPARK_MASTER_FLAG, paramLabel = "HOST:PORT", defaultValue = Env.SPARK_MASTER_OPTION,
            description = "The Spark master (env " + Env.SPARK_MASTER + "). Default: ${DEFAULT-VALUE}.")
    String sparkMaster;

    @Option(names = "--records", paramLabel = "N", defaultValue = "40000",
            description = "Measured events per run. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--warmup-records", paramLabel = "N", defaultValue = "10000",
            description = "Events ahead of the measured ones, streamed but not counted (JIT, connections). Default: ${DEFAULT-VALUE}.")
    long warmupRecords;

    @Option(names = StreamerOptions.MAX_OFFSETS_PER_TRIGGER, paramLabel = "N", defaultValue = "5000",
            description = "Records per batch: the topic is full before the job starts, so this makes the batches "
                    + "whose rows/s are counted. Default: ${DEFAULT-VALUE}.")
    long batchRecords;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "4",
            description = "Partitions of the topic. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--executor-memory", paramLabel = "SIZE", defaultValue = "512m",
            description = "Memory of each executor. Default: ${DEFAULT-VALUE}.")
    String executorMemory;

    @Mixin
    SongsOption songs;

    @Option(names = "--home", paramLabel = "DIR", defaultValue = Env.HOME_OPTION,
            description = "Checkpoints, Spark's scratch space, the extra node; relative to the project root (env " + Env.HOME
                    + "). Default: ${DEFAULT-VALUE}.")
    String home;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/output/bench/cluster.md",
            description = "The report; the streamer's logs go next to it. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (records < 2 * batchRecords || batchRecords < 1 || warmupRecords < 0 || partitions < 1 || cassandraNodes < 1) {
            throw new UserError("--records must be at least two batches (2 x " + StreamerOptions.MAX_OFFSETS_PER_TRIGGER
                    + "), --partitions and --cassandra-nodes at least 1, --warmup-records not negative");
        }
        Path root = ProjectRoot.get();
        Path report = out.toAbsolutePath();
        Files.createDirectories(report.getParent());
        String ring = new CassandraRing(HostPort.parse(services.cassandra()), storagePort, cassandraNodes, "1G").contactPoints();
        String master = "spark://" + HostPort.parse(sparkMaster);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<ClusterThroughput.Run> runs = new ClusterThroughput(new ClusterThroughput.Settings(services.bootstrap(), ring, cassandraNodes,
                storagePort, services.datacenter(), root, ProjectRoot.home(root, home), songs.songs(), records, warmupRecords,
                batchRecords, partitions, master, executorMemory, report.getParent())).measure();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<String> lines = report(runs, ring, master, loadBefore, loadAfter);
        lines.forEach(spec.commandLine().getOut()::println);
        Files.write(report, lines);
        return 0;
    }

    private List<String> report(List<ClusterThroughput.Run> runs, String ring, String master, double loadBefore, double loadAfter) {
        List<String> lines = new ArrayList<>();
        lines.add("# Cluster throughput: the streamer on a Spark standalone cluster into a Cassandra ring");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + String.format(Locale.ROOT, "%.1f before, %.1f after", loadBefore, loadAfter));
        lines.add(String.format(Locale.ROOT, "- Kafka %s, %d-partition topic, %,d warm-up + %,d measured events per run in "
                        + "batches of %,d; Spark master %s, executors of 1 core and %s; trigger 1s; ring %s", services.bootstrap(), partitions,
                warmupRecords, records, batchRecords, master, executorMemory, ring));
        lines.add("- rows/s: rows of the batches after the warm-up records over those batches' durations (one run each)");
        lines.add("");
        lines.add("| executors (workers) | Cassandra nodes | RF | consistency | rows/s | rows stored |");
        lines.add("|---|---:|---:|---|---:|---:|");
        for (ClusterThroughput.Run run : runs) {
            lines.add(String.format(Locale.ROOT, "| %d (%s) | %d | %d | %s | %,.0f | %,d |", run.cores(), run.label(), run.nodes(),
                    run.replicas(), run.consistency(), run.rowsPerSecond(warmupRecords), run.rowsStored()));
        }
        lines.add("");
        lines.add(ratio("2 workers / 1 worker (3 nodes, RF 3)", runs.get(1), runs.get(0)));
        lines.add(ratio("RF 3 at LOCAL_QUORUM / RF 1 at LOCAL_ONE (3 nodes, 2 workers)", runs.get(1), runs.get(2)));
        lines.add(ratio("3 nodes / 1 node (RF 1, 2 workers)", runs.get(2), runs.get(3)));
        return lines;
    }

    private String ratio(String what, ClusterThroughput.Run numerator, ClusterThroughput.Run denominator) {
        return String.format(Locale.ROOT, "- %s: %,.0f / %,.0f = %.2f", what, numerator.rowsPerSecond(warmupRecords),
                denominator.rowsPerSecond(warmupRecords), numerator.rowsPerSecond(warmupRecords) / denominator.rowsPerSecond(warmupRecords));
    }
}

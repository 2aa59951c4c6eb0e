package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import dev.listening.bench.Faults;
import dev.listening.bench.FaultsReport;
import dev.listening.stack.ClusterSettings;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** ./pipeline bench faults: SIGKILLs of the job, Cassandra, the broker (and a cluster's nodes and worker) at random moments under load, judged by verify. */
@Command(name = "faults", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "On a one-node stack of its own (free ports, a scratch home; the stack of ./pipeline up is left alone): "
                        + "the streaming job and a producer run while --faults SIGKILLs, drawn from --seed, hit the job "
                        + "(restarted on its checkpoint), Cassandra (restarted on its data) and the Kafka broker (restarted "
                        + "on its log) in turn. Then the producer stops, the stream catches up and verify checks every record.",
                "With --cluster, on a cluster of its own instead: a ring of 3 Cassandra nodes (keyspace at RF 3, written and "
                        + "read at LOCAL_QUORUM) and a Spark master with one worker, the job on that master; the faults also hit "
                        + "the ring's other nodes (restarted on their data) and the worker (restarted; the job waits for its new "
                        + "executor), and the ring's first node stands for Cassandra.",
                "Prints faults survived, records, stored, lost, duplicated, rollup hours that differ from the history and "
                        + "the time to recover (p50, max). Exit 0 only if every fault was survived and every record stored "
                        + "exactly once."})
public final class FaultsBench extends ReportedBench<FaultsReport> {
    @Option(names = "--faults", paramLabel = "N",
            description = "Faults to inject (default: 12; --quick: six of each kind, two with --cluster).")
    Integer faults;

    @Option(names = "--events", paramLabel = "N", description = "Events produced at least (default: 100000; --quick: 10000).")
    Integer events;

    @Option(names = "--rate", paramLabel = "N", description = "Events per second (default: 1000; --quick: 200).")
    Integer rate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the faults' order and moments. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--quick", description = "A short run for CI: six faults of each kind (two with --cluster), 1-4 s apart, at a low rate.")
    boolean quick;

    @Option(names = ClusterSettings.CLUSTER_FLAG,
            description = "On a cluster of its own (a 3-node ring, a Spark master with one worker) instead of the one-node stack; "
                    + "--master is not used: the job runs on that cluster's master.")
    boolean cluster;

    @Mixin
    StreamerJobOptions job;

    @Mixin
    ReportFileOption out;

    @Override
    Benchmark<FaultsReport> benchmark() {
        Path root = ProjectRoot.get();
        return new Faults(new Faults.Settings(root, job.home(), job.songs(), job.master(), out().toAbsolutePath().getParent(),
                events != null ? events : quick ? 10_000 : 100_000,
                faults != null ? faults : quick ? Faults.quickFaults(cluster) : 12,
                seed,
                rate != null ? rate : quick ? 200 : 1_000,
                Duration.ofSeconds(quick ? 1 : 5), Duration.ofSeconds(quick ? 4 : 20), Duration.ofMinutes(quick && !cluster ? 3 : 5), cluster));
    }

    /** 1 unless every fault was survived and every record stored exactly once. */
    @Override
    int exitCode(FaultsReport report) {
        return report.passed() ? 0 : 1;
    }
}

package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import dev.listening.bench.RollupCost;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** ./pipeline bench rollups: a rollup batch's cost against what its hour already holds. */
@Command(name = "rollups", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Starts the streamer on a fresh topic and keyspace of the stack of ./pipeline up, pre-fills one hour "
                        + "with --prefill plays, sends --rounds rounds of --events events into that hour, then the same "
                        + "rounds into empty hours. Reports, per --events events, the time of the rollup query's batches "
                        + "and the job's CPU, and the ratio pre-filled / empty.",
                "Rollups whose cost follows the batch give a ratio near 1 (the target: within 20 %). About 6 minutes "
                        + "with the defaults on 2 cores; the scratch topic and keyspace are dropped at the end."})
public final class RollupsBench extends ReportedBench<RollupCost.Result> {
    @Mixin
    ServiceOptions services;

    @Option(names = "--prefill", paramLabel = "N", defaultValue = "1000000",
            description = "Plays in the pre-filled hour. Default: ${DEFAULT-VALUE}.")
    long prefill;

    @Option(names = "--events", paramLabel = "N", defaultValue = "10000",
            description = "Events per round. Default: ${DEFAULT-VALUE}.")
    int events;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds into the pre-filled hour, and as many into empty hours. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--warm-up", paramLabel = "N", defaultValue = "50000",
            description = "Events sent first, in an hour of their own, to warm the job up. Default: ${DEFAULT-VALUE}.")
    int warmUp;

    @Mixin
    ListenersOption listeners;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", defaultValue = "2025-03-01",
            description = "The UTC day whose hours the events fall in. Default: ${DEFAULT-VALUE}.")
    LocalDate day;

    @Mixin
    StreamerJobOptions job;

    @Mixin
    ReportFileOption out;

    @Override
    Benchmark<RollupCost.Result> benchmark() {
        return new RollupCost(new RollupCost.Settings(services.bootstrap(), services.cassandra(), services.datacenter(),
                ProjectRoot.get(), job.home(), job.songs(), prefill, events, rounds, warmUp, listeners.listeners, day, job.master(),
                out().toAbsolutePath().resolveSibling(RollupCost.STREAMER_LOG)));
    }
}

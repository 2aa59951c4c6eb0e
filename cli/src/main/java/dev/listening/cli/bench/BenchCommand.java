package dev.listening.cli.bench;

import picocli.CommandLine.Command;

/**
 * ./pipeline bench: throughput and latency measured next to a reference taken in the same run
 * (the machines are shared and noisy, so only ratios are comparable between runs).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on the local stack; each prints ours, the reference and the ratio, and writes output/bench/.",
        subcommands = {
                ProducerBench.class,
                StreamerBench.class,
                EndToEndBench.class,
                SoakBench.class,
                QueryBench.class,
                ClusterBench.class,
                ReportsBench.class,
                RollupsBench.class,
                UsersBench.class,
                FaultsBench.class,
                BenchAll.class,
        })
public final class BenchCommand {
}

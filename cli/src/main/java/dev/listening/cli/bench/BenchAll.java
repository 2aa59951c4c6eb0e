package dev.listening.cli.bench;

import dev.listening.bench.BenchSuite;
import dev.listening.contract.options.OutputDirOption;
import dev.listening.producer.run.DurationConverter;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * ./pipeline bench all: every benchmark in one run on the stack of ./pipeline up, one report with
 * charts ({@link BenchSuite}).
 */
@Command(name = "all", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "On the stack of ./pipeline up, one after the other: bench producer, bench streamer, bench e2e (trigger 1s, "
                        + "1,000 events/s), bench queries, and ./pipeline demo on a stack of its own (free ports, a scratch "
                        + "home) for its start-up times. About 10 minutes on 2 cores; --quick: about 2.",
                "Writes --out-dir/REPORT.md (measure, ours, reference, ratio, target, pass/fail; the machine, versions and "
                        + "date), PNG charts, and each benchmark's own report. Exit 0 when every benchmark ran, whether "
                        + "or not its target was met; 1 when one failed."})
public final class BenchAll implements Callable<Integer> {
    @Mixin
    ServiceOptions services;

    @Mixin
    StreamerJobOptions job;

    @Option(names = "--quick", description = "Small sizes (about 2 minutes): checks the harness, not the speed.")
    boolean quick;

    @Mixin
    OutputDirOption outDir = new OutputDirOption(ReportFileOption.DIRECTORY);

    @Option(names = "--producer-records", paramLabel = "N",
            description = "Records per producer run (default 200,000; --quick 10,000).")
    Long producerRecords;

    @Option(names = "--streamer-records", paramLabel = "N",
            description = "Measured streamer records, at least three batches (default 400,000 in batches of 100,000; "
                    + "--quick 3,000 in batches of 1,000).")
    Long streamerRecords;

    @Option(names = "--e2e-duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long end-to-end latencies are measured, after a third as long of warm-up (default 60s "
                    + "after 20s; --quick 4s after 1s).")
    Duration e2eDuration;

    @Option(names = "--query-runs", paramLabel = "N", description = "Timed runs of each query (default 2,000; --quick 200).")
    Integer queryRuns;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        new BenchSuite(settings()).run(spec.commandLine().getOut());
        return 0;
    }

    BenchSuite.Settings settings() {
        Path root = ProjectRoot.get();
        return new BenchSuite.Settings(services.bootstrap(), services.cassandra(), services.datacenter(), job.master(), root,
                job.home(), job.songs(), quick, producerRecords, streamerRecords, e2eDuration, queryRuns, outDir.outDir());
    }
}

package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * A bench command: it builds its benchmark from its options, which measures, then prints its report
 * and writes it to the --out file.
 *
 * @param <R> what the benchmark measured
 */
abstract class ReportedBench<R> implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return exitCode(Benchmark.run(benchmark(), out(), spec.commandLine().getOut()));
    }

    /**
     * The report file of --out (its directory also takes the benchmark's logs). Each command declares the
     * {@link ReportFileOption} mixin itself, where its --help lists it.
     */
    Path out() {
        return spec.findOption(ReportFileOption.NAME).getValue();
    }

    /** The benchmark of the options given (a UserError for a bad one). */
    abstract Benchmark<R> benchmark();

    /** A benchmark's verdict, where it has one beyond having run. */
    int exitCode(R result) {
        return 0;
    }
}

package dev.listening.cli.bench;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A bench command: it measures, then prints its report and writes it to its --out file. bench all
 * runs each one through {@link #run()} for the result behind the report.
 *
 * @param <R> what the benchmark measured
 */
abstract class ReportedBench<R> implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return exitCode(run());
    }

    /** Measures, prints the report and writes it to {@link #out()}. */
    R run() throws IOException, InterruptedException {
        Path file = out().toAbsolutePath();
        Files.createDirectories(file.getParent());
        R result = measure();
        List<String> lines = report(result);
        lines.forEach(spec.commandLine().getOut()::println);
        Files.write(file, lines);
        return result;
    }

    /** The report file (its directory also takes the benchmark's logs). */
    abstract Path out();

    /** Checks the options (a UserError for a bad one), then measures. */
    abstract R measure() throws IOException, InterruptedException;

    abstract List<String> report(R result);

    /** A benchmark's verdict, where it has one beyond having run. */
    int exitCode(R result) {
        return 0;
    }
}

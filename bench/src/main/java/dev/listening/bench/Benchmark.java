package dev.listening.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark: it measures, then says what it measured as the lines of its report.
 *
 * @param <R> what the benchmark measured
 */
public interface Benchmark<R> {
    R measure() throws IOException, InterruptedException;

    List<String> report(R result);

    /** Measures, prints the report and writes it to {@code file}, whose directory also takes the benchmark's logs. */
    static <R> R run(Benchmark<R> benchmark, Path file, PrintWriter out) throws IOException, InterruptedException {
        Path report = file.toAbsolutePath();
        Files.createDirectories(report.getParent());
        R result = benchmark.measure();
        List<String> lines = benchmark.report(result);
        lines.forEach(out::println);
        Files.write(report, lines);
        return result;
    }
}

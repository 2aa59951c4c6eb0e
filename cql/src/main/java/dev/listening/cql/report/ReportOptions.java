package dev.listening.cql.report;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.UserError;
import dev.listening.cql.output.OutputFiles;
import dev.listening.cql.output.OutputFormat;
import dev.listening.cql.output.Report;
import dev.listening.cql.output.ResultOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiFunction;

/** What every report takes: where to read, how many rows, how to write. */
final class ReportOptions {
    private static final Logger LOG = LoggerFactory.getLogger(ReportOptions.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @Option(names = "--n", paramLabel = "N", defaultValue = "10",
            description = "How many rows of the ranking (ties beyond it are cut). Default: ${DEFAULT-VALUE}.")
    int n;

    @Mixin
    ResultOptions result;

    /** Checks the options, computes the report, replaces its file and prints it. */
    int publish(CommandSpec spec, BiFunction<RollupReader, String, Report> report) {
        if (n < 1) {
            throw new UserError("--n must be at least 1, not " + n);
        }
        OutputFormat outputFormat = OutputFormat.parse(result.format);
        String keyspace = result.keyspace();
        try (CqlSession session = result.open(REQUEST_TIMEOUT)) {
            long start = System.nanoTime();
            Report ranking = report.apply(new RollupReader(session, keyspace), keyspace);
            String rendered = outputFormat.render(ranking);
            Path target = OutputFiles.replace(result.outDir().resolve(outputFormat.fileName(ranking.outputName())), rendered);
            PrintWriter out = spec.commandLine().getOut();
            out.print(rendered);
            out.flush();
            LOG.info("wrote {} ({} rows; read {} in {} ms)", target, ranking.table().rows().size(), ranking.read(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return 0;
    }
}

package dev.listening.cql.report;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.Schema;
import dev.listening.cql.output.OutputFiles;
import dev.listening.cql.output.OutputFormat;
import dev.listening.cql.output.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned table, .txt), csv or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "${sys:pipeline.root:-.}/output",
            description = "Where report-NAME.<format> goes. Default: ${DEFAULT-VALUE}.")
    Path outDir;

    @Option(names = "--cassandra", paramLabel = "HOST:PORT[,HOST:PORT]", defaultValue = Env.CASSANDRA_OPTION,
            description = "Contact points (env " + Env.CASSANDRA + "). Default: ${DEFAULT-VALUE}.")
    String cassandra;

    @Option(names = "--datacenter", paramLabel = "DC", defaultValue = Env.DATACENTER_OPTION,
            description = "Local datacenter (env " + Env.DATACENTER + "). Default: ${DEFAULT-VALUE}.")
    String datacenter;

    @Option(names = "--keyspace", paramLabel = "KEYSPACE", defaultValue = Env.KEYSPACE_OPTION,
            description = "Keyspace of the rollups (env " + Env.KEYSPACE + "). Default: ${DEFAULT-VALUE}.")
    String keyspace;

    /** Checks the options, computes the report, replaces its file and prints it. */
    int publish(CommandSpec spec, BiFunction<RollupReader, String, Report> report) {
        if (n < 1) {
            throw new UserError("--n must be at least 1, not " + n);
        }
        OutputFormat outputFormat = OutputFormat.parse(format);
        Schema.checkKeyspace(keyspace);
        try (CqlSession session = CassandraSessions.open(cassandra, datacenter, REQUEST_TIMEOUT)) {
            long start = System.nanoTime();
            Report result = report.apply(new RollupReader(session, keyspace), keyspace);
            String rendered = outputFormat.render(result);
            Path target = OutputFiles.replace(outDir.resolve(outputFormat.fileName(result.outputName())), rendered);
            PrintWriter out = spec.commandLine().getOut();
            out.print(rendered);
            out.flush();
            LOG.info("wrote {} ({} rows; read {} in {} ms)", target, result.table().rows().size(), result.read(),
                    (System.nanoTime() - start) / 1_000_000);
        }
        return 0;
    }
}

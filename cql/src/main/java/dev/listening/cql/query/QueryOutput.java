package dev.listening.cql.query;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.cql.output.OutputFiles;
import dev.listening.cql.output.OutputFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Runs queries and writes each result into its file of the output directory and onto {@code out}:
 * what ./pipeline query does once it has a session, and what the demo does for its three queries.
 */
public final class QueryOutput {
    private static final Logger LOG = LoggerFactory.getLogger(QueryOutput.class);

    private final QueryRunner runner;
    private final OutputFormat format;
    private final Path outDir;
    private final PrintWriter out;

    public QueryOutput(CqlSession session, String keyspace, OutputFormat format, Path outDir, PrintWriter out) {
        this.runner = new QueryRunner(session, keyspace);
        this.format = format;
        this.outDir = outDir;
        this.out = out;
    }

    /** Runs {@code request}; the previous file is replaced only once the query has succeeded. */
    public Path write(QueryRequest request) {
        Path target = outDir.resolve(format.fileName(request.outputName()));
        QueryResult result = runner.run(request);
        if (request.picksMostRecent()) {
            LOG.info("{}: no {} given, using the most recent present: {}",
                    request.name(), Marker.USER_OPTION + "/" + Marker.DATE_OPTION + "/" + Marker.HOUR_OPTION,
                    result.parameters().describe());
        }
        String rendered = format.render(result);
        OutputFiles.replace(target, rendered);
        out.print(rendered);
        out.flush();
        int rows = result.table().rows().size();
        LOG.info("wrote {} ({} {})", target, rows, rows == 1 ? "row" : "rows");
        return target;
    }
}

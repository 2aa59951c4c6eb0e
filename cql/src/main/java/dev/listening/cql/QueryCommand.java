package dev.listening.cql;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.cql.output.OutputFormat;
import dev.listening.cql.output.ResultOptions;
import dev.listening.cql.query.Marker;
import dev.listening.cql.query.QueryOutput;
import dev.listening.cql.query.QueryParameters;
import dev.listening.cql.query.QueryRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/** ./pipeline query: runs one query file and writes its result to output/ and to the terminal. */
@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs a query on listening_history, writes its result to the output directory",
                "and prints it. The queries are the files in cql/queries/:",
                "  sample      50 plays, every column -> output_full",
                "  songs       a user's plays in a date and hour, newest first -> output_simple",
                "  averages    play count and mean audio features, same key -> output_agg",
                "  partitions  every user/date/hour present (full scan) -> output_partitions",
                "--file runs any other file. --user, --date and --hour are bound to the markers",
                ":name, :date and :hour, never pasted into the text; without them, songs and",
                "averages use the most recent user/date/hour present. The previous output file",
                "is replaced only once the query has succeeded."})
public final class QueryCommand implements Callable<Integer> {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
            description = "sample, songs, averages or partitions.")
    String query;

    @Option(names = "--file", paramLabel = "FILE.cql",
            description = "Run this file instead: one CQL statement with named markers; writes output_<FILE>.")
    Path file;

    @Option(names = Marker.USER_OPTION, paramLabel = "NAME", description = "Listener name, bound to :name.")
    String user;

    @Option(names = Marker.DATE_OPTION, paramLabel = "YYYY-MM-DD", description = "UTC day, bound to :date.")
    String date;

    @Option(names = Marker.HOUR_OPTION, paramLabel = "H", description = "UTC hour of the day, 0-23, bound to :hour.")
    String hour;

    @Mixin
    ResultOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        QueryRequest request = QueryRequest.of(query, file, QueryParameters.parse(user, date, hour));
        OutputFormat outputFormat = OutputFormat.parse(options.format);
        String keyspace = options.keyspace();
        try (CqlSession session = options.open(REQUEST_TIMEOUT)) {
            new QueryOutput(session, keyspace, outputFormat, options.outDir(), spec.commandLine().getOut()).write(request);
        }
        return 0;
    }
}

package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import dev.listening.bench.QueryLatency;
import dev.listening.contract.options.CassandraOptions;
import dev.listening.contract.options.SongsOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/** ./pipeline bench queries: p50/p99 of the queries of ./pipeline query over many listener/hours. */
@Command(name = "queries", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes --listeners x --plays plays per hour for --hours hours into a fresh keyspace of the stack of "
                        + "./pipeline up, then runs each query of ./pipeline query (songs, averages: a listener/hour drawn "
                        + "at random each time; sample) --runs times the way the command runs it, next to the reference: "
                        + QueryLatency.REFERENCE + ".",
                "Prints p50/p90/p99/max of each and writes them to --out. The scratch keyspace is dropped at the end."})
public final class QueryBench extends ReportedBench<QueryLatency.Result> {
    @Mixin
    CassandraOptions cassandra;

    @Mixin
    SongsOption songs;

    @Option(names = "--listeners", paramLabel = "N", defaultValue = "200", description = "Listeners. Default: ${DEFAULT-VALUE}.")
    int listeners;

    @Option(names = "--hours", paramLabel = "N", defaultValue = "24",
            description = "Hours of plays, up to the last full hour. Default: ${DEFAULT-VALUE}.")
    int hours;

    @Option(names = "--plays", paramLabel = "N", defaultValue = QueryLatency.DEFAULT_PLAYS,
            description = "Plays per listener and hour, on average. Default: ${DEFAULT-VALUE}.")
    int plays;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "2000",
            description = "Timed runs of each query (a tenth as many run first, untimed). Default: ${DEFAULT-VALUE}.")
    int runs;

    @Mixin
    ReportFileOption out;

    @Override
    Benchmark<QueryLatency.Result> benchmark() {
        return new QueryLatency(new QueryLatency.Settings(cassandra.cassandra(), cassandra.datacenter(),
                songs.songs(), listeners, hours, plays, runs));
    }
}

package dev.listening.cli.bench;

import dev.listening.contract.UserError;
import dev.listening.cql.query.NamedQuery;
import dev.listening.stack.ProjectRoot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ./pipeline bench queries: p50/p99 of the queries of ./pipeline query over many listener/hours. */
@Command(name = "queries", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes --listeners x --plays plays per hour for --hours hours into a fresh keyspace of the stack of "
                        + "./pipeline up, then runs each query of ./pipeline query (songs, averages: a listener/hour drawn "
                        + "at random each time; sample) --runs times the way the command runs it, next to the reference: "
                        + QueryLatency.REFERENCE + ".",
                "Prints p50/p90/p99/max of each and writes them to --out. The scratch keyspace is dropped at the end."})
public final class QueryBench extends ReportedBench<QueryLatency.Result> {
    /** Each query reads one partition of a few rows (or 50 rows of any): this is what a local read should take. */
    static final double TARGET_P50_MS = 10;
    static final double TARGET_P99_MS = 50;
    private static final long MAX_PLAYS_PER_HOUR = 3_600_000;

    @Mixin
    CassandraOptions cassandra;

    @Mixin
    SongsOption songs;

    @Option(names = "--listeners", paramLabel = "N", defaultValue = "200", description = "Listeners. Default: ${DEFAULT-VALUE}.")
    int listeners;

    @Option(names = "--hours", paramLabel = "N", defaultValue = "24",
            description = "Hours of plays, up to the last full hour. Default: ${DEFAULT-VALUE}.")
    int hours;

    @Option(names = "--plays", paramLabel = "N", defaultValue = "10",
            description = "Plays per listener and hour, on average. Default: ${DEFAULT-VALUE}.")
    int plays;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "2000",
            description = "Timed runs of each query (a tenth as many run first, untimed). Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "${sys:" + ProjectRoot.PROPERTY + ":-.}/output/bench/queries.md",
            description = "The report. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    Path out() {
        return out;
    }

    @Override
    QueryLatency.Result measure() throws InterruptedException {
        if (listeners < 1 || hours < 1 || plays < 1 || runs < 1) {
            throw new UserError("--listeners, --hours, --plays and --runs must be at least 1");
        }
        if ((long) listeners * plays > MAX_PLAYS_PER_HOUR) {
            throw new UserError("--listeners x --plays must be at most " + MAX_PLAYS_PER_HOUR + " (one play per millisecond)");
        }
        return new QueryLatency(new QueryLatency.Settings(cassandra.cassandra(), cassandra.datacenter(),
                songs.songs(), listeners, hours, plays, runs)).measure();
    }

    @Override
    List<String> report(QueryLatency.Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("# Query latency: the queries of ./pipeline query over many listener/hours");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", Cassandra " + cassandra.cassandra() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        lines.add(String.format(Locale.ROOT, "- %,d plays in %,d listener/hours (%d listeners, %d hours); each query run %,d "
                + "times after %,d untimed runs, one at a time, as ./pipeline query runs it (result rows read, no file "
                + "written); songs and averages on a listener/hour drawn at random each time", result.rows(),
                result.partitions(), listeners, hours, result.runs(), Math.max(1, result.runs() / 10)));
        lines.add("- reference: " + QueryLatency.REFERENCE);
        lines.add("");
        lines.add("| query | p50 | p90 | p99 | max |");
        lines.add("|---|---:|---:|---:|---:|");
        for (NamedQuery query : QueryLatency.QUERIES) {
            lines.add(row(query.cliName(), result.queries().get(query)));
        }
        lines.add(row("reference", result.reference()));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "target: p50 <= %.0f ms, p99 <= %.0f ms", TARGET_P50_MS, TARGET_P99_MS));
        return lines;
    }

    private static String row(String name, Percentiles micros) {
        return String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms |", name, micros.at(50) / 1000.0,
                micros.at(90) / 1000.0, micros.at(99) / 1000.0, micros.at(100) / 1000.0);
    }
}

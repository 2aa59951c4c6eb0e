package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.query.NamedQuery;
import dev.listening.cql.query.Partition;
import dev.listening.cql.query.QueryParameters;
import dev.listening.cql.query.QueryRequest;
import dev.listening.cql.query.QueryRunner;
import dev.listening.producer.events.EventGenerator;
import dev.listening.producer.listeners.Listeners;
import dev.listening.producer.songs.Song;
import dev.listening.producer.songs.SongCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How long the queries of ./pipeline query take, run the way the command runs them
 * ({@link QueryRunner}), each on a partition drawn at random from many listener/hours. The rows are
 * written first with the raw writer of the streamer benchmark. The reference is the floor of such
 * a read: the songs query on a listener/hour without plays, through the same runner.
 */
public record QueryLatency(Settings settings) implements Benchmark<QueryLatency.Result> {
    /** Each query reads one partition of a few rows (or 50 rows of any): this is what a local read should take. */
    public static final double TARGET_P50_MS = 10;
    public static final double TARGET_P99_MS = 50;
    public static final String DEFAULT_PLAYS = "10";
    private static final long MAX_PLAYS_PER_HOUR = 3_600_000;
    /** The queries ./pipeline demo runs: a sample, a listener's songs in an hour, their averages. */
    public static final List<NamedQuery> QUERIES = List.of(NamedQuery.SONGS, NamedQuery.AVERAGES, NamedQuery.SAMPLE);
    public static final String REFERENCE = "songs on a listener/hour without plays (the cost of a read that finds nothing)";
    private static final String NOBODY = "Nobody Listening";
    private static final Logger LOG = LoggerFactory.getLogger(QueryLatency.class);
    private static final long SEED = 20_240_503L;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final DefaultConsistencyLevel CONSISTENCY = DefaultConsistencyLevel.valueOf(StreamerOptions.DEFAULT_CONSISTENCY);


    /** @param plays plays per listener and hour, on average; {@code runs} timed runs of each query */
    public record Settings(String cassandra, String datacenter, Path songs, int listeners, int hours,
                           int plays, int runs) {
        public Settings {
            if (listeners < 1 || hours < 1 || plays < 1 || runs < 1) {
                throw new UserError("--listeners, --hours, --plays and --runs must be at least 1");
            }
            if ((long) listeners * plays > MAX_PLAYS_PER_HOUR) {
                throw new UserError("--listeners x --plays must be at most " + MAX_PLAYS_PER_HOUR + " (one play per millisecond)");
            }
        }
    }

    /** Latencies in microseconds. */
    public record Result(long rows, int partitions, int runs, Map<NamedQuery, Percentiles> queries, Percentiles reference) {
    }

    @Override
    public Result measure() throws InterruptedException {
        List<Song> songs = SongCatalog.load(settings.songs()).songs();
        List<ListeningEvent> events = events(songs);
        List<Partition> partitions = new ArrayList<>(partitionsOf(events));
        try (CqlSession session = CassandraSessions.open(settings.cassandra(), settings.datacenter(), REQUEST_TIMEOUT);
             Scratch scratch = new Scratch(session)) {
            String keyspace = scratch.keyspace("queries");
            LOG.info("writing {} plays in {} listener/hours", events.size(), partitions.size());
            new ReferenceWriter(session, keyspace, songs, CONSISTENCY).write(events);
            QueryRunner runner = new QueryRunner(session, keyspace);
            Random draws = new Random(SEED);
            Map<NamedQuery, Percentiles> latencies = new EnumMap<>(NamedQuery.class);
            for (NamedQuery query : QUERIES) {
                Supplier<Runnable> next = () -> {
                    QueryParameters parameters = query == NamedQuery.SAMPLE ? QueryParameters.NONE
                            : QueryParameters.of(partitions.get(draws.nextInt(partitions.size())));
                    QueryRequest request = QueryRequest.named(query, parameters);
                    return () -> runner.run(request);
                };
                latencies.put(query, time(query.cliName(), next));
            }
            Partition somePartition = partitions.get(0);
            QueryRequest empty = QueryRequest.named(NamedQuery.SONGS,
                    QueryParameters.of(new Partition(NOBODY, somePartition.date(), somePartition.hour())));
            Percentiles floor = time("reference", () -> () -> runner.run(empty));
            return new Result(events.size(), partitions.size(), settings.runs(), latencies, floor);
        }
    }

    /** Runs a tenth as many untimed first (connections, prepared statements, JIT), then the timed runs. */
    private Percentiles time(String name, Supplier<Runnable> next) {
        for (int i = 0; i < Math.max(1, settings.runs() / 10); i++) {
            next.get().run();
        }
        long[] micros = new long[settings.runs()];
        for (int i = 0; i < micros.length; i++) {
            Runnable run = next.get();
            long start = System.nanoTime();
            run.run();
            micros[i] = (System.nanoTime() - start) / 1_000;
        }
        Percentiles percentiles = Percentiles.of(micros);
        LOG.info("{}: p50 {} µs, p99 {} µs over {} runs", name, percentiles.at(50), percentiles.at(99), micros.length);
        return percentiles;
    }

    /** Listeners playing through the last full hours, ending an hour ago; the listener of each play is drawn at random. */
    private List<ListeningEvent> events(List<Song> songs) {
        EventGenerator generator = new EventGenerator(Listeners.generate(settings.listeners(), List.of(), SEED), songs, SEED);
        long perHour = (long) settings.listeners() * settings.plays();
        long gap = Duration.ofHours(1).toMillis() / perHour;
        long first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(settings.hours())).toEpochMilli();
        List<ListeningEvent> events = new ArrayList<>();
        for (long i = 0; i < perHour * settings.hours(); i++) {
            events.add(generator.next(first + i * gap));
        }
        return events;
    }

    private static Set<Partition> partitionsOf(List<ListeningEvent> events) {
        Set<Partition> partitions = new LinkedHashSet<>();
        for (ListeningEvent event : events) {
            ZonedDateTime utc = Instant.ofEpochMilli(event.ts()).atZone(ZoneOffset.UTC);
            partitions.add(new Partition(event.name(), utc.toLocalDate(), utc.getHour()));
        }
        return partitions;
    }

    @Override
    public List<String> report(Result result) {
        List<String> lines = new ArrayList<>();
        lines.add("# Query latency: the queries of ./pipeline query over many listener/hours");
        lines.add("");
        lines.add("- when: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ", Cassandra " + settings.cassandra() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores");
        lines.add(String.format(Locale.ROOT, "- %,d plays in %,d listener/hours (%d listeners, %d hours); each query run %,d "
                + "times after %,d untimed runs, one at a time, as ./pipeline query runs it (result rows read, no file "
                + "written); songs and averages on a listener/hour drawn at random each time", result.rows(),
                result.partitions(), settings.listeners(), settings.hours(), result.runs(), Math.max(1, result.runs() / 10)));
        lines.add("- reference: " + REFERENCE);
        lines.add("");
        lines.add("| query | p50 | p90 | p99 | max |");
        lines.add("|---|---:|---:|---:|---:|");
        for (NamedQuery query : QUERIES) {
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

package dev.listening.streamer.rollup;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.spark.connector.cql.CassandraConnector;
import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.Names;
import dev.listening.contract.RollupColumn;
import dev.listening.contract.SongColumn;
import dev.listening.streamer.sink.StatementFile;
import org.apache.spark.SparkConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rollup step, run on the driver once micro-batches' history rows are written ({@link RollupQueue}).
 * Each listener-hour they touched is recomputed from its listening_history partition into
 * listener_hourly (its totals) and listener_song_hourly (its plays of the songs the batch played);
 * then the touched date/hours, songs of those hours and listener-days are summed from those parts.
 * Every row is thus a function of the history table, which is itself idempotent: a replayed batch,
 * or an event sent twice, writes the same values again. What a run reads follows what was touched:
 * one listener-hour, one hour's listeners, one song's listeners in an hour, a day's 24 hours at most.
 */
public final class RollupWriter implements RollupQueue.Rollup {
    private static final Logger LOG = LoggerFactory.getLogger(RollupWriter.class);
    /**
     * Requests in flight at once. Each is large (a batch, or an IN over many keys): at 64 a run took
     * twice as long on one node and slowed the history writes beside it more than at 8.
     */
    private static final int IN_FLIGHT = 8;
    /** Rows of one partition sent as one unlogged batch, one mutation: below Cassandra's 5 KiB batch warning. */
    private static final int BATCH_BYTES = 4 * 1024;
    /**
     * Keys read in one request (IN): songs of an hour, listeners of an hour or of a day. Far fewer
     * requests, and a day's 24 hour partitions are each read once for many listeners.
     */
    private static final int SONGS_PER_READ = 100;
    private static final int LISTENERS_PER_READ = 20;
    private static final String NAME = EventField.NAME.jsonName();
    private static final String DATE = HistoryColumn.DATE;
    private static final String HOUR = HistoryColumn.HOUR;
    private static final String SONG = EventField.SONG.jsonName();
    private static final String ARTISTS = EventField.ARTISTS.jsonName();
    /** The markers of the list values: listeners, and (song, artists) pairs. */
    private static final String NAMES = "names";
    private static final String SONGS = "songs";
    private static final List<StatementFile> STATEMENTS = List.of(StatementFile.LISTENING_HISTORY_SELECT_LISTENERS,
            StatementFile.LISTENER_HOURLY_SELECT_HOUR, StatementFile.LISTENER_HOURLY_SELECT_DAYS,
            StatementFile.LISTENER_SONG_HOURLY_SELECT_SONGS, StatementFile.LISTENER_HOURLY_INSERT,
            StatementFile.LISTENER_SONG_HOURLY_INSERT, StatementFile.LISTENING_BY_HOUR_INSERT_TOTALS,
            StatementFile.LISTENING_BY_HOUR_INSERT_SONG, StatementFile.LISTENER_DAILY_INSERT);

    private final CassandraConnector connector;
    /** The text of each statement, in the stream's keyspace. */
    private final Map<StatementFile, String> cql = new EnumMap<>(StatementFile.class);
    private final ConsistencyLevel consistency;

    public RollupWriter(SparkConf conf, String keyspace, ConsistencyLevel consistency) {
        this.connector = CassandraConnector.apply(conf);
        STATEMENTS.forEach(file -> cql.put(file, file.cql(keyspace)));
        this.consistency = consistency;
    }

    @Override
    public void update(String batches, Set<ListenerSong> touched) throws InterruptedException {
        if (touched.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try (CqlSession session = connector.openSession()) {
            Statements statements = new Statements(session);
            Set<ListenerHour> listenerHours = touched.stream().map(ListenerSong::listenerHour).collect(Collectors.toSet());
            List<Play> plays = readPlays(session, statements, listenerHours);
            Map<ListenerHour, ListenerHourRollup> parts = Rollups.listenerHours(plays);
            int partRows = writeParts(session, statements, parts, touched);
            // Every read below sees the parts just written: the hour's other listeners, the day's other hours.
            Writes writes = new Writes(session.getContext());
            int hours = sumHours(session, statements, listenerHours, writes);
            int days = sumDays(session, statements, listenerHours, writes);
            int songs = sumSongs(session, statements, touched, writes);
            execute(session, writes.batches(), row -> row);
            LOG.info("rollups of {}: {} listener-hours ({} plays read), {} date/hours, {} songs in them and {} listener-days, "
                            + "{} rows written, in {} ms", batches, parts.size(), plays.size(), hours, songs, days,
                    partRows + writes.rows(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Every play of the listener-hours, read back from listening_history. */
    private List<Play> readPlays(CqlSession session, Statements statements, Set<ListenerHour> listenerHours)
            throws InterruptedException {
        List<BoundStatement> selects = inChunks(group(listenerHours.stream().map(k -> Map.entry(k.dateHour(), k.name())).toList()),
                LISTENERS_PER_READ, statements::selectPlays);
        return execute(session, selects, RollupWriter::play);
    }

    /** The listener_hourly row of each listener-hour, and its listener_song_hourly rows of the songs touched; the rows written. */
    private int writeParts(CqlSession session, Statements statements, Map<ListenerHour, ListenerHourRollup> parts,
                           Set<ListenerSong> touched) throws InterruptedException {
        Writes writes = new Writes(session.getContext());
        parts.values().forEach(part -> writes.add(Names.LISTENER_HOURLY_TABLE, part.key().dateHour(), statements.listenerHour(part)));
        for (ListenerSong played : touched) {
            ListenerHourRollup part = parts.get(played.listenerHour());
            Long songPlays = part == null ? null : part.songPlays().get(played.song());
            if (songPlays != null) {
                writes.add(Names.LISTENER_SONG_HOURLY_TABLE, played.listenerHour().dateHour(), statements.listenerSong(played, songPlays));
            }
        }
        execute(session, writes.batches(), row -> row);
        return writes.rows();
    }

    /** Each touched date/hour's totals, from the listener_hourly rows of its listeners; how many hours. */
    private int sumHours(CqlSession session, Statements statements, Set<ListenerHour> listenerHours, Writes writes)
            throws InterruptedException {
        Set<ListenerHour.DateHour> hours = listenerHours.stream().map(ListenerHour::dateHour).collect(Collectors.toSet());
        Map<ListenerHour.DateHour, List<Totals>> parts = group(execute(session, hours.stream().map(statements::selectHour).toList(),
                row -> Map.entry(listenerHour(row).dateHour(), totals(row))));
        parts.forEach((hour, totals) -> writes.add(Names.BY_HOUR_TABLE, hour, statements.hour(Rollups.hour(hour, totals))));
        return parts.size();
    }

    /** Each touched listener-day, from the listener's listener_hourly rows of that day; how many days. */
    private int sumDays(CqlSession session, Statements statements, Set<ListenerHour> listenerHours, Writes writes)
            throws InterruptedException {
        List<BoundStatement> selects = inChunks(group(listenerHours.stream().map(ListenerHour::day).distinct()
                .map(d -> Map.entry(d.date(), d.name())).toList()), LISTENERS_PER_READ, statements::selectDays);
        Map<ListenerHour.ListenerDay, List<Totals>> parts = group(execute(session, selects,
                row -> Map.entry(listenerHour(row).day(), totals(row))));
        parts.forEach((day, totals) -> writes.add(Names.LISTENER_DAILY_TABLE, day.date(), statements.day(Rollups.day(day, totals))));
        return parts.size();
    }

    /** The plays of each touched song in its hour, from its listener_song_hourly rows; how many songs. */
    private int sumSongs(CqlSession session, Statements statements, Set<ListenerSong> touched, Writes writes)
            throws InterruptedException {
        List<BoundStatement> selects = inChunks(group(touched.stream().map(ListenerSong::songHour).distinct()
                .map(s -> Map.entry(s.hour(), s.song())).toList()), SONGS_PER_READ, statements::selectSongHours);
        Map<ListenerSong.SongHour, List<Long>> parts = group(execute(session, selects,
                row -> Map.entry(songHour(row), row.getLong(RollupColumn.PLAYS))));
        parts.forEach((songHour, plays) -> writes.add(Names.BY_HOUR_TABLE, songHour.hour(),
                statements.songHour(songHour, plays.stream().mapToLong(Long::longValue).sum())));
        return parts.size();
    }

    /**
     * Runs the statements, at most {@link #IN_FLIGHT} at a time, and maps every row of every page.
     * A failure is thrown once the statements sent have all completed.
     */
    private <T> List<T> execute(CqlSession session, List<? extends Statement<?>> statements, Function<Row, T> mapper)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<List<T>>> pending = new ArrayList<>(statements.size());
        for (Statement<?> statement : statements) {
            inFlight.acquire();
            CompletableFuture<List<T>> rows = session.executeAsync(statement.setConsistencyLevel(consistency))
                    .thenCompose(page -> allPages(page, mapper, new ArrayList<>())).toCompletableFuture();
            rows.whenComplete((result, error) -> inFlight.release());
            pending.add(rows);
        }
        List<T> all = new ArrayList<>();
        for (CompletableFuture<List<T>> rows : pending) {
            all.addAll(await(rows));
        }
        return all;
    }

    private static <T> CompletionStage<List<T>> allPages(AsyncResultSet page, Function<Row, T> mapper, List<T> into) {
        page.currentPage().forEach(row -> into.add(mapper.apply(row)));
        return page.hasMorePages()
                ? page.fetchNextPage().thenCompose(next -> allPages(next, mapper, into))
                : CompletableFuture.completedFuture(into);
    }

    private static <T> T await(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // The driver's own exception, so that OutageRetry can tell an outage from a bug.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Writes by partition, sent as unlogged batches of one partition each: one mutation per batch, not per row. */
    private static final class Writes {
        private final DriverContext context;
        private final Map<List<Object>, List<BoundStatement>> byPartition = new LinkedHashMap<>();
        private int rows;

        Writes(DriverContext context) {
            this.context = context;
        }

        void add(String table, Object partitionKey, BoundStatement write) {
            byPartition.computeIfAbsent(List.of(table, partitionKey), k -> new ArrayList<>()).add(write);
            rows++;
        }

        int rows() {
            return rows;
        }

        List<BatchStatement> batches() {
            List<BatchStatement> batches = new ArrayList<>();
            for (List<BoundStatement> partition : byPartition.values()) {
                BatchStatementBuilder batch = new BatchStatementBuilder(DefaultBatchType.UNLOGGED);
                int bytes = 0;
                for (BoundStatement write : partition) {
                    int size = write.computeSizeInBytes(context);
                    if (batch.getStatementsCount() > 0 && bytes + size > BATCH_BYTES) {
                        batches.add(batch.build());
                        batch = new BatchStatementBuilder(DefaultBatchType.UNLOGGED);
                        bytes = 0;
                    }
                    batch.addStatement(write);
                    bytes += size;
                }
                batches.add(batch.build());
            }
            return batches;
        }
    }

    /** One read per chunk of at most {@code size} of each group's keys. */
    private static <K, V> List<BoundStatement> inChunks(Map<K, List<V>> groups, int size, BiFunction<K, List<V>, BoundStatement> read) {
        List<BoundStatement> reads = new ArrayList<>();
        groups.forEach((key, values) -> {
            for (int from = 0; from < values.size(); from += size) {
                reads.add(read.apply(key, values.subList(from, Math.min(values.size(), from + size))));
            }
        });
        return reads;
    }

    private static <K, V> Map<K, List<V>> group(List<Map.Entry<K, V>> entries) {
        Map<K, List<V>> groups = new HashMap<>();
        entries.forEach(e -> groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return groups;
    }

    private static ListenerHour listenerHour(Row row) {
        return new ListenerHour(row.getString(NAME), row.getLocalDate(DATE), row.getInt(HOUR));
    }

    private static ListenerSong.SongHour songHour(Row row) {
        return new ListenerSong.SongHour(new ListenerHour.DateHour(row.getLocalDate(DATE), row.getInt(HOUR)),
                new Song(row.getString(SONG), row.getString(ARTISTS)));
    }

    private static Totals totals(Row row) {
        return new Totals(row.getLong(RollupColumn.PLAYS), row.getLong(RollupColumn.PLAYS_WITH_FEATURES),
                row.getLong(RollupColumn.SUM_DURATION_MS),
                RollupColumn.AVERAGED.stream().map(f -> row.getDouble(RollupColumn.sum(f))).toList());
    }

    private static Play play(Row row) {
        String durationMs = SongColumn.DURATION_MS.column();
        boolean found = !row.isNull(durationMs);
        List<Double> features = found
                ? RollupColumn.AVERAGED.stream().map(f -> row.isNull(f.column()) ? null : row.getDouble(f.column())).toList()
                : null;
        return new Play(listenerHour(row), new Song(row.getString(SONG), row.getString(ARTISTS)),
                found ? row.getLong(durationMs) : null, features);
    }

    /** The statements (cql/statements/), prepared on one session; values are bound by their markers' names. */
    private final class Statements {
        private final Map<StatementFile, PreparedStatement> prepared = new EnumMap<>(StatementFile.class);

        Statements(CqlSession session) {
            cql.forEach((file, text) -> prepared.put(file, session.prepare(text)));
        }

        BoundStatement selectPlays(ListenerHour.DateHour hour, List<String> names) {
            return builder(StatementFile.LISTENING_HISTORY_SELECT_LISTENERS, hour.date(), hour.hour())
                    .setList(NAMES, names, String.class).build();
        }

        BoundStatement selectHour(ListenerHour.DateHour hour) {
            return builder(StatementFile.LISTENER_HOURLY_SELECT_HOUR, hour.date(), hour.hour()).build();
        }

        BoundStatement selectDays(LocalDate date, List<String> names) {
            return prepared.get(StatementFile.LISTENER_HOURLY_SELECT_DAYS).boundStatementBuilder()
                    .setLocalDate(DATE, date)
                    .setList(NAMES, names, String.class).build();
        }

        BoundStatement selectSongHours(ListenerHour.DateHour hour, List<Song> songs) {
            PreparedStatement select = prepared.get(StatementFile.LISTENER_SONG_HOURLY_SELECT_SONGS);
            TupleType song = (TupleType) ((ListType) select.getVariableDefinitions().get(SONGS).getType()).getElementType();
            return builder(StatementFile.LISTENER_SONG_HOURLY_SELECT_SONGS, hour.date(), hour.hour())
                    .setList(SONGS, songs.stream().map(s -> song.newValue(s.song(), s.artists())).toList(), TupleValue.class)
                    .build();
        }

        BoundStatement listenerHour(ListenerHourRollup part) {
            Totals totals = part.totals();
            BoundStatementBuilder row = builder(StatementFile.LISTENER_HOURLY_INSERT, part.key().date(), part.key().hour())
                    .setString(NAME, part.key().name())
                    .setLong(RollupColumn.PLAYS, totals.plays())
                    .setLong(RollupColumn.PLAYS_WITH_FEATURES, totals.playsWithFeatures())
                    .setLong(RollupColumn.SUM_DURATION_MS, totals.durationMs());
            for (int i = 0; i < RollupColumn.AVERAGED.size(); i++) {
                row = row.setDouble(RollupColumn.sum(RollupColumn.AVERAGED.get(i)), totals.featureSums().get(i));
            }
            return row.build();
        }

        BoundStatement listenerSong(ListenerSong played, long plays) {
            ListenerHour key = played.listenerHour();
            return builder(StatementFile.LISTENER_SONG_HOURLY_INSERT, key.date(), key.hour())
                    .setString(SONG, played.song().song())
                    .setString(ARTISTS, played.song().artists())
                    .setString(NAME, key.name())
                    .setLong(RollupColumn.PLAYS, plays).build();
        }

        BoundStatement hour(HourRollup rollup) {
            Totals totals = rollup.totals();
            return withAverages(builder(StatementFile.LISTENING_BY_HOUR_INSERT_TOTALS, rollup.hour().date(), rollup.hour().hour())
                    .setLong(RollupColumn.PLAYS, totals.plays())
                    .setLong(RollupColumn.LISTENERS, rollup.listeners())
                    .setLong(RollupColumn.PLAYS_WITH_FEATURES, totals.playsWithFeatures()), totals.averages());
        }

        BoundStatement songHour(ListenerSong.SongHour songHour, long plays) {
            return builder(StatementFile.LISTENING_BY_HOUR_INSERT_SONG, songHour.hour().date(), songHour.hour().hour())
                    .setString(SONG, songHour.song().song())
                    .setString(ARTISTS, songHour.song().artists())
                    .setLong(RollupColumn.SONG_PLAYS, plays).build();
        }

        BoundStatement day(DayRollup rollup) {
            Totals totals = rollup.totals();
            return withAverages(prepared.get(StatementFile.LISTENER_DAILY_INSERT).boundStatementBuilder()
                    .setLocalDate(DATE, rollup.day().date())
                    .setString(NAME, rollup.day().name())
                    .setLong(RollupColumn.PLAYS, totals.plays())
                    .setLong(RollupColumn.PLAYS_WITH_FEATURES, totals.playsWithFeatures())
                    .setDouble(RollupColumn.MINUTES_LISTENED, totals.minutes()), totals.averages());
        }

        /** The statement with its date and hour bound. */
        private BoundStatementBuilder builder(StatementFile file, LocalDate date, int hour) {
            return prepared.get(file).boundStatementBuilder().setLocalDate(DATE, date).setInt(HOUR, hour);
        }

        /** Averages that are null stay unset: no tombstone, and none was ever set for that key either. */
        private BoundStatement withAverages(BoundStatementBuilder builder, List<Double> averages) {
            for (int i = 0; i < averages.size(); i++) {
                if (averages.get(i) != null) {
                    builder = builder.setDouble(RollupColumn.average(RollupColumn.AVERAGED.get(i)), averages.get(i));
                }
            }
            return builder.build();
        }
    }
}

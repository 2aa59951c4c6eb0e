package dev.listening.streamer.rollup;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.spark.connector.cql.CassandraConnector;
import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.Names;
import dev.listening.contract.RollupColumn;
import dev.listening.contract.SongColumn;
import org.apache.spark.SparkConf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The rollup step of a micro-batch, run on the driver once the batch's history rows are written:
 * every date/hour and every listener-day the batch touched is recomputed from listening_history
 * and its rollup rows overwritten (a song row only when its plays changed: most of an hour's songs
 * were not played in the batch). The rollups are thus a function of the history table, which is
 * itself idempotent: a replayed batch, or an event sent twice, writes the same values again.
 */
public final class RollupWriter {
    private static final Logger LOG = LoggerFactory.getLogger(RollupWriter.class);
    /** Requests in flight at once: enough to hide the round trips, few enough not to swamp one node. */
    private static final int IN_FLIGHT = 64;
    private static final String NAME = EventField.NAME.jsonName();
    private static final String DATE = HistoryColumn.DATE;
    private static final String HOUR = HistoryColumn.HOUR;
    private static final String SONG = EventField.SONG.jsonName();
    private static final String ARTISTS = EventField.ARTISTS.jsonName();

    private final CassandraConnector connector;
    private final String keyspace;
    private final ConsistencyLevel consistency;

    public RollupWriter(SparkConf conf, String keyspace, ConsistencyLevel consistency) {
        this.connector = CassandraConnector.apply(conf);
        this.keyspace = CqlIdentifier.fromInternal(keyspace).asCql(true);
        this.consistency = consistency;
    }

    public void update(long batchId, Set<ListenerHour> touched) throws InterruptedException {
        if (touched.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        try (CqlSession session = connector.openSession()) {
            Statements statements = new Statements(session);
            run(session, touched.stream().map(statements::indexListener).toList());

            Set<ListenerHour.ListenerDay> days = touched.stream().map(ListenerHour::day).collect(Collectors.toSet());
            Set<ListenerHour.DateHour> hours = touched.stream().map(ListenerHour::dateHour).collect(Collectors.toSet());
            List<Play> dayPlays = read(session, days.stream().map(statements::selectDay).toList());
            // The hours' other listeners: their partitions were not read with the days above.
            Set<ListenerHour> others = new HashSet<>();
            for (Row row : read(session, hours.stream().map(statements::selectListeners).toList(), r -> r)) {
                ListenerHour key = new ListenerHour(row.getString(NAME), row.getLocalDate(DATE), row.getInt(HOUR));
                if (!days.contains(key.day())) {
                    others.add(key);
                }
            }
            List<Play> hourPlays = new ArrayList<>(read(session, others.stream().map(statements::selectListenerHour).toList()));
            int playsRead = dayPlays.size() + hourPlays.size();
            dayPlays.stream().filter(p -> hours.contains(p.key().dateHour())).forEach(hourPlays::add);

            List<HourRollup> hourRollups = Rollups.hours(hourPlays);
            List<DayRollup> dayRollups = Rollups.days(dayPlays);
            Map<ListenerHour.DateHour, Map<HourRollup.Song, Long>> stored = new HashMap<>();
            for (Row row : read(session, hours.stream().map(statements::selectSongPlays).toList(), r -> r)) {
                stored.computeIfAbsent(new ListenerHour.DateHour(row.getLocalDate(DATE), row.getInt(HOUR)), h -> new HashMap<>())
                        .put(new HourRollup.Song(row.getString(SONG), row.getString(ARTISTS)), row.getLong(RollupColumn.SONG_PLAYS));
            }
            List<BoundStatement> writes = new ArrayList<>();
            hourRollups.forEach(r -> writes.addAll(statements.hour(r, stored.getOrDefault(r.hour(), Map.of()))));
            dayRollups.forEach(r -> writes.add(statements.day(r)));
            run(session, writes);
            LOG.info("batch {}: rollups of {} date/hours and {} listener-days recomputed from {} plays, {} rows written, in {} ms",
                    batchId, hourRollups.size(), dayRollups.size(), playsRead, writes.size(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private List<Play> read(CqlSession session, List<BoundStatement> selects) throws InterruptedException {
        return read(session, selects, RollupWriter::play);
    }

    /** Every row of every statement, all pages, at most {@link #IN_FLIGHT} statements at a time. */
    private <T> List<T> read(CqlSession session, List<BoundStatement> selects, Function<Row, T> mapper)
            throws InterruptedException {
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < selects.size(); from += IN_FLIGHT) {
            List<CompletableFuture<List<T>>> pending = selects.subList(from, Math.min(selects.size(), from + IN_FLIGHT))
                    .stream()
                    .map(s -> session.executeAsync(s.setConsistencyLevel(consistency))
                            .thenCompose(r -> allPages(r, mapper, new ArrayList<>())).toCompletableFuture())
                    .toList();
            for (CompletableFuture<List<T>> future : pending) {
                rows.addAll(await(future));
            }
        }
        return rows;
    }

    private static <T> CompletionStage<List<T>> allPages(AsyncResultSet page, Function<Row, T> mapper, List<T> into) {
        page.currentPage().forEach(row -> into.add(mapper.apply(row)));
        return page.hasMorePages()
                ? page.fetchNextPage().thenCompose(next -> allPages(next, mapper, into))
                : CompletableFuture.completedFuture(into);
    }

    private void run(CqlSession session, List<BoundStatement> statements) throws InterruptedException {
        read(session, statements, row -> row);
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

    private static Play play(Row row) {
        ListenerHour key = new ListenerHour(row.getString(NAME), row.getLocalDate(DATE), row.getInt(HOUR));
        String durationMs = SongColumn.DURATION_MS.column();
        boolean found = !row.isNull(durationMs);
        List<Double> features = found
                ? RollupColumn.AVERAGED.stream().map(f -> row.isNull(f.column()) ? null : row.getDouble(f.column())).toList()
                : null;
        return new Play(key, row.getString(SONG), row.getString(ARTISTS),
                found ? row.getLong(durationMs) : null, features);
    }

    /** The prepared statements, on one session. */
    private final class Statements {
        private final PreparedStatement indexListener;
        private final PreparedStatement selectListeners;
        private final PreparedStatement selectSongPlays;
        private final PreparedStatement selectListenerHour;
        private final PreparedStatement selectDay;
        private final PreparedStatement hourTotals;
        private final PreparedStatement hourSong;
        private final PreparedStatement day;

        Statements(CqlSession session) {
            String history = table(Names.HISTORY_TABLE);
            String playColumns = String.join(", ", Stream.concat(
                    Stream.of(NAME, DATE, HOUR, SONG, ARTISTS,
                            SongColumn.DURATION_MS.column()),
                    RollupColumn.AVERAGED.stream().map(SongColumn::column)).toList());
            List<String> averages = RollupColumn.AVERAGED.stream().map(RollupColumn::average).toList();
            indexListener = session.prepare(insert(Names.LISTENERS_BY_HOUR_TABLE, List.of(DATE, HOUR, NAME)));
            selectListeners = session.prepare("SELECT " + NAME + ", " + DATE + ", " + HOUR + " FROM "
                    + table(Names.LISTENERS_BY_HOUR_TABLE) + " WHERE " + DATE + " = ? AND " + HOUR + " = ?");
            selectSongPlays = session.prepare("SELECT " + DATE + ", " + HOUR + ", " + SONG + ", " + ARTISTS + ", "
                    + RollupColumn.SONG_PLAYS + " FROM " + table(Names.BY_HOUR_TABLE) + " WHERE " + DATE + " = ? AND " + HOUR + " = ?");
            selectListenerHour = session.prepare("SELECT " + playColumns + " FROM " + history
                    + " WHERE " + NAME + " = ? AND " + DATE + " = ? AND " + HOUR + " = ?");
            // One request per listener-day; the coordinator reads its 24 hour partitions.
            selectDay = session.prepare("SELECT " + playColumns + " FROM " + history
                    + " WHERE " + NAME + " = ? AND " + DATE + " = ? AND " + HOUR + " IN ?");
            hourTotals = session.prepare(insert(Names.BY_HOUR_TABLE, concat(List.of(DATE, HOUR, RollupColumn.PLAYS,
                    RollupColumn.LISTENERS, RollupColumn.PLAYS_WITH_FEATURES), averages)));
            hourSong = session.prepare(insert(Names.BY_HOUR_TABLE, List.of(DATE, HOUR, SONG, ARTISTS, RollupColumn.SONG_PLAYS)));
            day = session.prepare(insert(Names.LISTENER_DAILY_TABLE, concat(List.of(DATE, NAME, RollupColumn.PLAYS,
                    RollupColumn.PLAYS_WITH_FEATURES, RollupColumn.MINUTES_LISTENED), averages)));
        }

        BoundStatement indexListener(ListenerHour key) {
            return indexListener.bind(key.date(), key.hour(), key.name());
        }

        BoundStatement selectSongPlays(ListenerHour.DateHour hour) {
            return selectSongPlays.bind(hour.date(), hour.hour());
        }

        BoundStatement selectListeners(ListenerHour.DateHour hour) {
            return selectListeners.bind(hour.date(), hour.hour());
        }

        BoundStatement selectListenerHour(ListenerHour key) {
            return selectListenerHour.bind(key.name(), key.date(), key.hour());
        }

        BoundStatement selectDay(ListenerHour.ListenerDay day) {
            return selectDay.bind(day.name(), day.date(), IntStream.range(0, 24).boxed().toList());
        }

        /** The hour's totals, and the rows of the songs whose plays differ from those stored. */
        List<BoundStatement> hour(HourRollup rollup, Map<HourRollup.Song, Long> stored) {
            List<BoundStatement> writes = new ArrayList<>();
            writes.add(withAverages(hourTotals.boundStatementBuilder(rollup.hour().date(), rollup.hour().hour(),
                    rollup.plays(), rollup.listeners(), rollup.playsWithFeatures()), 5, rollup.averages()));
            for (Map.Entry<HourRollup.Song, Long> song : rollup.songPlays().entrySet()) {
                if (song.getValue().equals(stored.get(song.getKey()))) {
                    continue;
                }
                writes.add(hourSong.bind(rollup.hour().date(), rollup.hour().hour(), song.getKey().song(),
                        song.getKey().artists(), song.getValue()));
            }
            return writes;
        }

        BoundStatement day(DayRollup rollup) {
            return withAverages(day.boundStatementBuilder(rollup.day().date(), rollup.day().name(), rollup.plays(),
                    rollup.playsWithFeatures(), rollup.minutesListened()), 5, rollup.averages());
        }

        /** Averages that are null stay unset: no tombstone, and none was ever set for that key either. */
        private BoundStatement withAverages(BoundStatementBuilder builder, int first, List<Double> averages) {
            for (int i = 0; i < averages.size(); i++) {
                if (averages.get(i) != null) {
                    builder.setDouble(first + i, averages.get(i));
                }
            }
            return builder.build();
        }

        private String insert(String table, List<String> columns) {
            return "INSERT INTO " + table(table) + " (" + String.join(", ", columns) + ") VALUES ("
                    + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        }

        private String table(String name) {
            return keyspace + "." + name;
        }
    }

    private static List<String> concat(Collection<String> first, Collection<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}

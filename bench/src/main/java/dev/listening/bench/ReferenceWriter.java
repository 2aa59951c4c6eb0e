package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import dev.listening.contract.CqlFile;
import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.SongColumn;
import dev.listening.producer.songs.Song;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * The reference for the streamer's throughput: the same listening_history rows (event, UTC date and
 * hour, song features; nulls left unset as the streamer does) written straight with the Java
 * driver, the streamer's prepared INSERT, asynchronous with a bounded number in flight, at the streamer's
 * consistency level: one row per request, or (what a hand-tuned writer could reach) unlogged batches
 * of one partition each.
 */
final class ReferenceWriter {
    static final int IN_FLIGHT = 256;
    /** Below Cassandra's default batch_size_warn_threshold (5 KiB), so no batch is one the server warns about. */
    static final int MAX_BATCH_BYTES = 4 * 1024;
    /** The streamer's own INSERT; values are bound by their markers' names. */
    private static final String INSERT = "cql/statements/listening_history_insert.cql";

    private final CqlSession session;
    private final DefaultConsistencyLevel consistency;
    private final PreparedStatement insert;
    private final Map<String, Song> songs;

    ReferenceWriter(CqlSession session, String keyspace, List<Song> songs, DefaultConsistencyLevel consistency) {
        this.session = session;
        this.consistency = consistency;
        this.songs = songs.stream().collect(Collectors.toMap(s -> key(s.title(), s.artists()), Function.identity(), (a, b) -> a));
        this.insert = session.prepare(SimpleStatement.newInstance(CqlFile.classpath(INSERT).inKeyspace(keyspace).cql())
                .setConsistencyLevel(consistency));
    }

    /** Writes one row per event and returns how long it took, from the first request to the last answer. */
    Duration write(List<ListeningEvent> events) throws InterruptedException {
        long start = System.nanoTime();
        send(events.stream().<Statement<?>>map(this::row).iterator());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Writes the rows as unlogged batches, each of one partition (the prepared INSERT's routing key, so
     * the table's partition key as Cassandra declares it) and at most {@link #MAX_BATCH_BYTES}; binding
     * and grouping are inside the time returned, as they would be in a writer.
     */
    Duration writeBatched(List<ListeningEvent> events) throws InterruptedException {
        long start = System.nanoTime();
        List<BoundStatement> rows = events.stream().map(this::row).toList();
        List<List<BoundStatement>> batches = onePartitionBatches(rows, BoundStatement::getRoutingKey,
                row -> row.computeSizeInBytes(session.getContext()), MAX_BATCH_BYTES);
        send(batches.stream().<Statement<?>>map(batch -> BatchStatement.newInstance(BatchType.UNLOGGED)
                .addAll(batch).setConsistencyLevel(consistency)).iterator());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * The rows grouped by partition key in order of first appearance, each group cut into batches of at
     * most {@code maxBytes} (a row larger than that is a batch of its own).
     */
    static <T> List<List<T>> onePartitionBatches(List<T> rows, Function<T, ?> partitionKey, ToIntFunction<T> bytes, int maxBytes) {
        Map<Object, List<T>> partitions = new LinkedHashMap<>();
        for (T row : rows) {
            partitions.computeIfAbsent(partitionKey.apply(row), key -> new ArrayList<>()).add(row);
        }
        List<List<T>> batches = new ArrayList<>();
        for (List<T> partition : partitions.values()) {
            List<T> batch = new ArrayList<>();
            int size = 0;
            for (T row : partition) {
                int rowBytes = bytes.applyAsInt(row);
                if (!batch.isEmpty() && size + rowBytes > maxBytes) {
                    batches.add(batch);
                    batch = new ArrayList<>();
                    size = 0;
                }
                batch.add(row);
                size += rowBytes;
            }
            batches.add(batch);
        }
        return batches;
    }

    /** Sends the requests with at most {@link #IN_FLIGHT} unanswered, and waits for the last answer. */
    private void send(Iterator<Statement<?>> requests) throws InterruptedException {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        while (requests.hasNext()) {
            inFlight.acquire();
            if (failure.get() != null) {
                inFlight.release();
                break;
            }
            session.executeAsync(requests.next()).whenComplete((result, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                inFlight.release();
            });
        }
        inFlight.acquire(IN_FLIGHT);
        if (failure.get() != null) {
            throw new IllegalStateException("a reference write failed: " + failure.get().getMessage(), failure.get());
        }
    }

    private BoundStatement row(ListeningEvent event) {
        ZonedDateTime ts = Instant.ofEpochMilli(event.ts()).atZone(ZoneOffset.UTC);
        BoundStatementBuilder row = insert.boundStatementBuilder()
                .setInt(EventField.SCHEMA_VERSION.jsonName(), event.schemaVersion())
                .setUuid(EventField.EVENT_ID.jsonName(), UUID.fromString(event.eventId()))
                .setInstant(EventField.TS.jsonName(), ts.toInstant())
                .setString(EventField.USER_ID.jsonName(), event.userId())
                .setString(EventField.NAME.jsonName(), event.name())
                .setString(EventField.SONG.jsonName(), event.song())
                .setString(EventField.ARTISTS.jsonName(), event.artists())
                .setLocalDate(HistoryColumn.DATE, ts.toLocalDate())
                .setInt(HistoryColumn.HOUR, ts.getHour());
        setIfPresent(row, EventField.COUNTRY, event.country());
        setIfPresent(row, EventField.CITY, event.city());
        setIfPresent(row, EventField.OS, event.os());
        setIfPresent(row, EventField.CLIENT, event.client());
        setIfPresent(row, EventField.DEVICE_TYPE, event.deviceType());
        Song song = songs.get(key(event.song(), event.artists()));
        if (song != null) {
            for (SongColumn column : SongColumn.values()) {
                Object value = song.value(column);
                // Spark's CSV reader reads an empty field as null, so the streamer leaves those unset too.
                if (!column.isKey() && value != null && !"".equals(value)) {
                    switch (column.type()) {
                        case STRING -> row.setString(column.column(), (String) value);
                        case INT -> row.setInt(column.column(), (Integer) value);
                        case LONG -> row.setLong(column.column(), (Long) value);
                        case DOUBLE -> row.setDouble(column.column(), (Double) value);
                    }
                }
            }
        }
        return row.build();
    }

    private static void setIfPresent(BoundStatementBuilder row, EventField field, String value) {
        if (value != null) {
            row.setString(field.jsonName(), value);
        }
    }

    private static String key(String title, String artists) {
        return title + '\u0000' + artists;
    }
}

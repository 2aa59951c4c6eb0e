package dev.listening.streamer.rollup;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.contract.EventField;
import dev.listening.contract.RollupColumn;
import dev.listening.contract.SongColumn;
import dev.listening.streamer.batch.RollupPlans;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming rollups on a stream of JSON files with Spark's RocksDB state store: what batches upsert adds
 * up to the rebuild's answer ({@link RollupPlans}) over the distinct events, a batch emits only what it
 * touched, a duplicate or late event counts nothing, and a replayed batch emits the same values.
 */
class RollupStreamTest {
    private static final Duration LATENESS = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StructType SCHEMA = schema();
    /** Table -> how many leading columns are its key. */
    private static final Map<String, Integer> KEYS = Map.of("listener_song_hourly", 5, "listener_hourly", 3,
            "by_hour_songs", 4, "by_hour_totals", 2, "listener_daily", 2);
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("rollup-stream-test")
                .config("spark.sql.shuffle.partitions", "1").config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.streaming.stateStore.providerClass",
                        "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider")
                .config("spark.sql.datetime.java8API.enabled", "true").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void batchesUpsertWhatTheRebuildComputesAndADuplicateCountsOnce() throws Exception {
        List<String> first = List.of(
                play("a", "Ada", "2025-03-14T20:00:00Z", "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play("b", "Ada", "2025-03-14T20:05:00Z", "Cruel Summer", "Taylor Swift", 178_000L, 1.0, 0.75, 130.0, 0.5, 0.0),
                play("c", "Liam", "2025-03-14T20:06:00Z", "Unreleased Demo", "Garage Band", null));
        List<String> second = List.of(
                play("d", "Ada", "2025-03-14T20:10:00Z", "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play("e", "Ada", "2025-03-14T21:00:00Z", "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                first.get(0));
        Run run = new Run(dir);
        run.send(first);
        Map<String, List<String>> secondRows = run.send(second);
        assertEquals(0, lateRows(run.query));
        run.query.stop();

        Dataset<Row> distinct = history(concat(first, second.subList(0, 2)));
        assertEquals(expected(distinct), run.tables);
        // The second batch touched Ada's hours 20 and 21 and her day: never Liam's rows, nor songs it did not play.
        assertEquals(List.of("[2025-03-14,20,Flowers,Miley Cyrus,Ada,2]", "[2025-03-14,21,Flowers,Miley Cyrus,Ada,1]"),
                secondRows.get("listener_song_hourly"));
        assertEquals(List.of("2025-03-14,Ada"), secondRows.get("listener_daily").stream()
                .map(row -> row.substring(1, row.indexOf(",Ada") + 4)).toList());
    }

    @Test
    void anEventOlderThanTheWatermarkIsDroppedAndCounted() throws Exception {
        Run run = new Run(dir);
        run.send(List.of(play("a", "Ada", "2025-03-14T21:00:00Z", "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0)));
        Map<String, Map<String, String>> before = copy(run.tables);
        // The watermark is now 20:50: a play at 20:00 is late, one at 20:55 is not.
        run.send(List.of(play("late", "Liam", "2025-03-14T20:00:00Z", "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0)));
        assertEquals(before, run.tables);
        assertEquals(1, lateRows(run.query));
        run.send(List.of(play("ok", "Liam", "2025-03-14T20:55:00Z", "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0)));
        assertEquals(0, lateRows(run.query));
        run.query.stop();
        assertTrue(run.tables.get("listener_hourly").containsKey("[2025-03-14,20,Liam]"), run.tables.toString());
    }

    @Test
    void aReplayedBatchEmitsTheSameValues() throws Exception {
        Path checkpoint = dir.resolve("checkpoint");
        Run run = new Run(dir);
        run.send(List.of(play("a", "Ada", "2025-03-14T20:00:00Z", "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0)));
        run.send(List.of(play("b", "Ada", "2025-03-14T20:01:00Z", "Flowers", "Miley Cyrus", 200_000L, 0.5, 0.25, 100.0, 0.0, 1.0),
                play("c", "Liam", "2025-03-14T20:02:00Z", "Cruel Summer", "Taylor Swift", 178_000L, 1.0, 0.75, 130.0, 0.5, 0.0)));
        run.query.stop();
        long last = run.emitted.keySet().stream().filter(id -> !run.emitted.get(id).get("listener_hourly").isEmpty())
                .mapToLong(Long::longValue).max().orElseThrow();
        Map<String, Map<String, String>> tables = copy(run.tables);

        // As after a crash between the batch's writes and its commit: the batch runs again from the state before it.
        for (long id = last; run.emitted.containsKey(id); id++) {
            deleteLogEntry(checkpoint.resolve("commits"), id);
            if (id > last) {
                deleteLogEntry(checkpoint.resolve("offsets"), id);
            }
        }
        Run again = new Run(dir, run.tables);
        again.query.processAllAvailable();
        again.query.stop();
        assertEquals(run.emitted.get(last), again.emitted.get(last));
        assertEquals(tables, again.tables);
    }

    /** One query of the rollup stream over a memory stream, upserting into maps as Cassandra would. */
    private static final class Run {
        final Path input;
        final Map<String, Map<String, String>> tables;
        /** Batch id -> the rows it emitted, by table. */
        final Map<Long, Map<String, List<String>>> emitted = new TreeMap<>();
        final StreamingQuery query;
        private int files;

        Run(Path dir) throws Exception {
            this(dir, new TreeMap<>());
        }

        /** Events from JSON files in {@code dir}/input, which a replayed batch reads again (a memory stream forgets them). */
        Run(Path dir, Map<String, Map<String, String>> tables) throws Exception {
            this.input = Files.createDirectories(dir.resolve("input"));
            this.tables = tables;
            Dataset<Row> history = spark.readStream().schema(SCHEMA).json(input.toString());
            Path checkpoint = dir.resolve("checkpoint");
            query = RollupStream.aggregate(history, LATENESS).writeStream().outputMode("update")
                    .option("checkpointLocation", checkpoint.toString())
                    .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> {
                        Map<String, List<String>> rows = rows(batch);
                        emitted.put(id, rows);
                        rows.forEach((table, list) -> list.forEach(row -> upsert(table, row)));
                    })
                    .start();
        }

        /** The rows the batches that took these events emitted, by table. */
        Map<String, List<String>> send(List<String> events) throws IOException {
            long before = emitted.size();
            // Written aside and moved in, so the stream never lists a file half written.
            Path file = input.resolveSibling("batch-" + files + ".json");
            Files.write(file, events);
            Files.move(file, input.resolve("batch-" + files++ + ".json"));
            query.processAllAvailable();
            Map<String, List<String>> rows = new TreeMap<>();
            emitted.values().stream().skip(before).forEach(batch -> batch.forEach((table, list) ->
                    rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(list)));
            return rows;
        }

        private void upsert(String table, String row) {
            String[] cells = row.substring(1, row.length() - 1).split(",", -1);
            String key = "[" + String.join(",", Arrays.asList(cells).subList(0, KEYS.get(table))) + "]";
            tables.computeIfAbsent(table, t -> new TreeMap<>()).put(key, row);
        }
    }

    /** A batch's file in a checkpoint log, and its checksum file. */
    private static void deleteLogEntry(Path log, long id) throws Exception {
        Files.delete(log.resolve(String.valueOf(id)));
        Files.deleteIfExists(log.resolve("." + id + ".crc"));
    }

    private static Map<String, List<String>> rows(Dataset<Row> touched) {
        Map<String, Function<Dataset<Row>, Dataset<Row>>> tables = new LinkedHashMap<>();
        tables.put("listener_song_hourly", RollupStream::listenerSongHourly);
        tables.put("listener_hourly", RollupStream::listenerHourly);
        tables.put("by_hour_songs", RollupStream::hourSongs);
        tables.put("by_hour_totals", RollupStream::hourTotals);
        tables.put("listener_daily", RollupStream::listenerDaily);
        Map<String, List<String>> rows = new TreeMap<>();
        tables.forEach((table, plan) -> rows.put(table, texts(plan.apply(touched))));
        return rows;
    }

    private static Map<String, Map<String, String>> expected(Dataset<Row> history) {
        Dataset<Row> hourly = RollupPlans.listenerHourly(history);
        Dataset<Row> songHourly = RollupPlans.listenerSongHourly(history);
        Map<String, Dataset<Row>> tables = Map.of("listener_song_hourly", songHourly, "listener_hourly", hourly,
                "by_hour_songs", RollupPlans.hourSongs(songHourly), "by_hour_totals", RollupPlans.hourTotals(hourly),
                "listener_daily", RollupPlans.listenerDaily(hourly));
        Map<String, Map<String, String>> expected = new TreeMap<>();
        tables.forEach((table, rows) -> texts(rows).forEach(row -> {
            String[] cells = row.substring(1, row.length() - 1).split(",", -1);
            String key = "[" + String.join(",", Arrays.asList(cells).subList(0, KEYS.get(table))) + "]";
            expected.computeIfAbsent(table, t -> new TreeMap<>()).put(key, row);
        }));
        return expected;
    }

    private static List<String> texts(Dataset<Row> rows) {
        return rows.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static long lateRows(StreamingQuery query) {
        return Arrays.stream(query.lastProgress().stateOperators()).mapToLong(StateOperatorProgress::numRowsDroppedByWatermark).sum();
    }

    private static Dataset<Row> history(List<String> events) {
        return spark.createDataset(events, Encoders.STRING()).select(from_json(col("value"), SCHEMA).as("e")).select("e.*");
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> tables) {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        tables.forEach((table, rows) -> copy.put(table, new TreeMap<>(rows)));
        return copy;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** A listening_history row as JSON; its date and hour are those of {@code ts} in UTC. */
    private static String play(String id, String name, String ts, String song, String artists, Long durationMs, double... features) {
        Instant at = Instant.parse(ts);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put(EventField.EVENT_ID.jsonName(), id);
        row.put(EventField.TS.jsonName(), ts);
        row.put(RollupPlans.NAME, name);
        row.put(RollupPlans.DATE, at.atZone(ZoneOffset.UTC).toLocalDate().toString());
        row.put(RollupPlans.HOUR, at.atZone(ZoneOffset.UTC).getHour());
        row.put(RollupPlans.SONG, song);
        row.put(RollupPlans.ARTISTS, artists);
        row.put(SongColumn.DURATION_MS.column(), durationMs);
        for (int i = 0; i < RollupColumn.AVERAGED.size(); i++) {
            row.put(RollupColumn.AVERAGED.get(i).column(), durationMs == null ? null : features[i]);
        }
        try {
            return JSON.writeValueAsString(row);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static StructType schema() {
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField(EventField.EVENT_ID.jsonName(), DataTypes.StringType, false),
                DataTypes.createStructField(EventField.TS.jsonName(), DataTypes.TimestampType, false),
                DataTypes.createStructField(RollupPlans.NAME, DataTypes.StringType, false),
                DataTypes.createStructField(RollupPlans.DATE, DataTypes.DateType, false),
                DataTypes.createStructField(RollupPlans.HOUR, DataTypes.IntegerType, false),
                DataTypes.createStructField(RollupPlans.SONG, DataTypes.StringType, false),
                DataTypes.createStructField(RollupPlans.ARTISTS, DataTypes.StringType, false),
                DataTypes.createStructField(SongColumn.DURATION_MS.column(), DataTypes.LongType, true)));
        RollupColumn.AVERAGED.forEach(f -> fields.add(DataTypes.createStructField(f.column(), DataTypes.DoubleType, true)));
        return new StructType(fields.toArray(StructField[]::new));
    }
}

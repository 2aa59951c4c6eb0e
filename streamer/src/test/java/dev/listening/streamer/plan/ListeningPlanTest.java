package dev.listening.streamer.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listening.contract.EventField;
import dev.listening.contract.EventJson;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.PlayAction;
import dev.listening.contract.SongColumn;
import dev.listening.streamer.sink.StatementFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

class ListeningPlanTest {
    private static final String TOPIC = "listening-events-test";
    private static final Instant KAFKA_TIME = Instant.parse("2024-05-01T12:00:00Z");
    private static final StructType KAFKA_SCHEMA = new StructType()
            .add("key", DataTypes.BinaryType)
            .add("value", DataTypes.BinaryType)
            .add("topic", DataTypes.StringType)
            .add("partition", DataTypes.IntegerType)
            .add("offset", DataTypes.LongType)
            .add("timestamp", DataTypes.TimestampType)
            .add("timestampType", DataTypes.IntegerType);

    private static SparkSession spark;
    private static Dataset<Row> songs;

    @BeforeAll
    static void startSpark() {
        // Far from UTC on purpose: date and hour must not depend on the session time zone.
        spark = TestSpark.start("Asia/Kolkata");
        StructType csv = Songs.csvSchema();
        songs = Songs.catalogue(spark.createDataFrame(List.of(
                song("Cruel Summer", "Taylor Swift", 9, 0.552),
                song("Cruel Summer", "Taylor Swift", 9, 0.552),
                song("Flowers", "Miley Cyrus", 0, 0.707)), csv));
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void eventOfAKnownSongCarriesItsFeaturesUnderTheTableColumnNames() {
        Row row = single(ListeningPlan.valid(kafka(json(event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6071", 1_700_000_000_000L, "Flowers", "Miley Cyrus"))), songs));

        assertEquals("Flowers", row.getAs(EventField.SONG.jsonName()));
        assertEquals(0, (int) row.getAs(SongColumn.MUSICAL_KEY.column()));
        assertEquals(0.707, (double) row.getAs(SongColumn.DANCEABILITY.column()));
        assertEquals(187_000L, (long) row.getAs(SongColumn.DURATION_MS.column()));
        assertEquals("Ada", row.getAs(EventField.NAME.jsonName()));
    }

    @Test
    void theRowsOfTheHistoryParseEachRecordOnce() {
        // A filter on the parsed fields, pushed below the parse, would inline from_json once per field it reads.
        // Records from an RDD, which the optimizer cannot evaluate ahead as it would a local relation.
        Dataset<Row> records = spark.createDataFrame(kafka(json(event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6071", 1_700_000_000_000L,
                "Flowers", "Miley Cyrus"))).javaRDD(), KAFKA_SCHEMA);
        String plan = ListeningPlan.valid(records, songs).queryExecution().optimizedPlan().toString();

        assertEquals(1, plan.split("from_json\\(", -1).length - 1, plan);
    }

    @Test
    void outputColumnsAreTheTableColumnsWithoutReservedWords() {
        List<String> columns = Arrays.asList(ListeningPlan.valid(kafka(), songs).columns());

        assertTrue(columns.contains("musical_key"));
        assertFalse(columns.contains("key"));
        assertEquals(EventField.values().length + 3 + SongColumn.values().length - 2, columns.size());
        assertTrue(columns.containsAll(List.of(HistoryColumn.DATE, HistoryColumn.HOUR, HistoryColumn.SKIPPED)));
    }

    @Test
    void theInsertStatementsBindExactlyThePlansColumns() {
        assertEquals(Set.of(ListeningPlan.valid(kafka(), songs).columns()),
                Set.copyOf(StatementFile.LISTENING_HISTORY_INSERT.load().markers()));
        assertEquals(Set.of(ListeningPlan.deadLetters(kafka()).columns()),
                Set.copyOf(StatementFile.LISTENING_DEAD_LETTER_INSERT.load().markers()));
    }

    @Test
    void playDetailsAreStoredAndASkipIsMarkedWhileAVersionOneEventHasNone() {
        ListeningEvent plain = event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6081", 1_700_000_000_000L, "Flowers", "Miley Cyrus");
        String v1 = json(plain).replace("\"schema_version\":" + ListeningEvent.SCHEMA_VERSION, "\"schema_version\":1");
        Map<String, Row> rows = ListeningPlan.valid(kafka(v1,
                json(details(plain, "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6082", PlayAction.SKIP, 12_345L)),
                json(details(plain, "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6083", PlayAction.PLAY, 187_000L))), songs)
                .collectAsList().stream().collect(Collectors.toMap(r -> r.getAs(EventField.EVENT_ID.jsonName()), r -> r));

        Row old = rows.get("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6081");
        assertEquals(1, (int) old.getAs(EventField.SCHEMA_VERSION.jsonName()));
        for (String column : List.of(EventField.ACTION.jsonName(), EventField.PLAYED_MS.jsonName(),
                EventField.PAUSED_MS.jsonName(), EventField.SESSION_ID.jsonName(), HistoryColumn.SKIPPED)) {
            assertNull(old.getAs(column), column);
        }
        Row skip = rows.get("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6082");
        assertEquals("skip", skip.getAs(EventField.ACTION.jsonName()));
        assertEquals(12_345L, (long) skip.getAs(EventField.PLAYED_MS.jsonName()));
        assertEquals(2_000L, (long) skip.getAs(EventField.PAUSED_MS.jsonName()));
        assertEquals("session-1", skip.getAs(EventField.SESSION_ID.jsonName()));
        assertEquals(1, (int) skip.getAs(HistoryColumn.SKIPPED));
        assertEquals(0, (int) rows.get("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6083").getAs(HistoryColumn.SKIPPED));
    }

    @Test
    void eventOfAnUnknownSongIsKeptWithNullFeaturesAndCountedAsAJoinMiss() throws InterruptedException {
        Dataset<Row> raw = kafka(
                json(event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6001", 1_700_000_000_000L, "Unknown Song", "Nobody")),
                json(event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6002", 1_700_000_000_000L, "Flowers", "Miley Cyrus")),
                // Same title, other artists: not the catalogue's song.
                json(event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6003", 1_700_000_000_000L, "Flowers", "Someone Else")),
                "not json");

        List<Row> rows = ListeningPlan.valid(raw, songs).where("song = 'Unknown Song'").collectAsList();
        assertEquals(1, rows.size());
        for (SongColumn feature : SongColumn.values()) {
            if (!feature.isKey()) {
                assertNull(rows.get(0).getAs(feature.column()), feature.column());
            }
        }
        assertEquals(Map.of(ListeningPlan.ROWS, 4L, ListeningPlan.DEAD_LETTERS, 1L, ListeningPlan.JOIN_MISSES, 2L), metrics(raw));
    }

    @Test
    void duplicateSongsInTheCatalogueNeverMultiplyAnEvent() {
        Dataset<Row> valid = ListeningPlan.valid(kafka(
                json(event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6011", 1_700_000_000_000L, "Cruel Summer", "Taylor Swift"))), songs);

        assertEquals(1, valid.count());
        assertEquals(9, (int) single(valid).getAs(SongColumn.MUSICAL_KEY.column()));
    }

    @Test
    void dateAndHourAreTheUtcDayAndHourOfTs() {
        Map<String, Instant> plays = Map.of(
                "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6021", Instant.parse("2024-03-10T23:59:59.999Z"),
                "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6022", Instant.parse("2024-03-11T00:00:00Z"),
                "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6023", Instant.parse("2024-03-11T00:59:59.999Z"),
                "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6024", Instant.parse("2024-03-11T01:00:00Z"),
                "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6025", Instant.parse("1969-12-31T23:30:00Z"));
        Dataset<Row> raw = kafka(plays.entrySet().stream()
                .map(e -> json(event(e.getKey(), e.getValue().toEpochMilli(), "Flowers", "Miley Cyrus")))
                .toArray(String[]::new));

        Map<String, Row> byId = ListeningPlan.valid(raw, songs).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs(EventField.EVENT_ID.jsonName()), r -> r));

        assertEquals(plays.size(), byId.size());
        assertDayHour(byId.get("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6021"), "2024-03-10", 23);
        assertDayHour(byId.get("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6022"), "2024-03-11", 0);
        assertDayHour(byId.get("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6023"), "2024-03-11", 0);
        assertDayHour(byId.get("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6024"), "2024-03-11", 1);
        assertDayHour(byId.get("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6025"), "1969-12-31", 23);
        plays.forEach((id, ts) -> assertEquals(ts, byId.get(id).getAs(EventField.TS.jsonName())));
    }

    @Test
    void malformedRecordsBecomeDeadLettersWithTheirKafkaCoordinates() throws InterruptedException {
        String goodId = "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6031";
        ListeningEvent good = event(goodId, 1_700_000_000_000L, "Flowers", "Miley Cyrus");
        String[] values = {
                json(good),
                "not json at all",
                "{\"event_id\": \"0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6032\", \"ts\": 1700000000000}",
                json(event("not-a-uuid", 1_700_000_000_000L, "Flowers", "Miley Cyrus")),
                json(good).replace("1700000000000", "\"yesterday\""),
                json(event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6033", Long.MAX_VALUE, "Flowers", "Miley Cyrus")),
                json(good).replace(goodId, "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6034").replace("\"schema_version\":" + ListeningEvent.SCHEMA_VERSION, "\"schema_version\":99"),
                json(good).replace(goodId, "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6035").replace("\"name\":\"Ada\"", "\"name\":\" \""),
                json(good).replace(goodId, "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6036\\n"),
                null,
        };
        Dataset<Row> raw = kafka(values);

        Map<Long, Row> dead = ListeningPlan.deadLetters(raw).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs(HistoryColumn.DEAD_LETTER_OFFSET), r -> r));
        List<Row> valid = ListeningPlan.valid(raw, songs).collectAsList();

        assertEquals(1, valid.size());
        assertEquals(goodId, valid.get(0).getAs(EventField.EVENT_ID.jsonName()));
        assertEquals(values.length - 1, dead.size());
        assertError(dead.get(1L), "not a JSON object");
        assertError(dead.get(2L), "missing required field(s): schema_version, user_id, name, song, artists");
        assertError(dead.get(3L), "event_id is not a UUID: 'not-a-uuid'");
        assertError(dead.get(4L), "not a JSON object");
        assertError(dead.get(5L), "ts is outside years 1-9999");
        assertError(dead.get(6L), "schema_version 99 is not supported");
        assertError(dead.get(7L), "missing required field(s): name");
        assertError(dead.get(8L), "event_id is not a UUID: '0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6036\n'");
        assertError(dead.get(9L), "the record has no value");

        Row notJson = dead.get(1L);
        assertEquals(TOPIC, notJson.getAs(HistoryColumn.DEAD_LETTER_TOPIC));
        assertEquals(3, (int) notJson.getAs(HistoryColumn.DEAD_LETTER_PARTITION));
        assertArrayEquals("not json at all".getBytes(StandardCharsets.UTF_8), notJson.getAs(HistoryColumn.DEAD_LETTER_RAW_VALUE));
        assertEquals(KAFKA_TIME, notJson.getAs(HistoryColumn.DEAD_LETTER_RECEIVED_AT));
        assertEquals(Map.of(ListeningPlan.ROWS, 10L, ListeningPlan.DEAD_LETTERS, 9L, ListeningPlan.JOIN_MISSES, 0L), metrics(raw));
        Map<String, Object> observed = observed(raw);
        assertEquals(1_700_000_000_000L, observed.get(ListeningPlan.NEWEST_EVENT_MS), "a dead letter's ts (Long.MAX_VALUE) is not stored");
        assertEquals(KAFKA_TIME.toEpochMilli(), observed.get(ListeningPlan.NEWEST_KAFKA_MS));
    }

    @Test
    void aValueThatIsNotUtf8IsADeadLetterNotARowWithReplacedCharacters() {
        String validId = "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6041";
        byte[] valid = json(event(validId, 1_700_000_000_000L, "Flowers", "Miley Cyrus"))
                .replace("Porto", "Zürich 北京 \uD83C\uDFB5").getBytes(StandardCharsets.UTF_8);
        byte[] notUtf8 = json(event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6042", 1_700_000_000_000L, "Flowers", "Miley Cyrus"))
                .replace("Porto", "P?rto").getBytes(StandardCharsets.UTF_8);
        notUtf8[new String(notUtf8, StandardCharsets.UTF_8).indexOf("P?rto") + 1] = (byte) 0xff;
        Dataset<Row> raw = kafkaValues(valid, notUtf8);

        List<Row> rows = ListeningPlan.valid(raw, songs).collectAsList();
        assertEquals(1, rows.size());
        assertEquals("Zürich 北京 \uD83C\uDFB5", rows.get(0).getAs(EventField.CITY.jsonName()));
        Row dead = single(ListeningPlan.deadLetters(raw));
        assertError(dead, "the value is not UTF-8");
        assertArrayEquals(notUtf8, dead.getAs(HistoryColumn.DEAD_LETTER_RAW_VALUE));
    }

    @Test
    void aNameTooLongForThePartitionKeyIsADeadLetterAndTheLongestThatFitsIsStored() {
        // Two bytes per character in UTF-8: the limit is on bytes, not characters.
        String longest = "é".repeat(HistoryColumn.MAX_NAME_BYTES / 2);
        Dataset<Row> raw = kafka(
                json(event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6051", 1_700_000_000_000L, "Flowers", "Miley Cyrus"))
                        .replace("\"Ada\"", "\"" + longest + "\""),
                json(event("0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6052", 1_700_000_000_000L, "Flowers", "Miley Cyrus"))
                        .replace("\"Ada\"", "\"" + longest + "x\""));

        assertEquals(longest, single(ListeningPlan.valid(raw, songs)).getAs(EventField.NAME.jsonName()));
        assertError(single(ListeningPlan.deadLetters(raw)), "name is longer than the 65518 bytes a partition key allows: 65519 bytes");
    }

    private static void assertError(Row deadLetter, String expected) {
        String error = deadLetter.getAs(HistoryColumn.DEAD_LETTER_ERROR);
        assertTrue(error.startsWith(expected), () -> "'" + error + "' should start with '" + expected + "'");
    }

    private static void assertDayHour(Row row, String date, int hour) {
        assertEquals(LocalDate.parse(date), row.getAs(HistoryColumn.DATE));
        assertEquals(hour, (int) row.getAs(HistoryColumn.HOUR));
    }

    /** The counts observed, the newest times aside. */
    private static Map<String, Object> metrics(Dataset<Row> raw) throws InterruptedException {
        Map<String, Object> counts = new HashMap<>(observed(raw));
        counts.keySet().retainAll(Set.of(ListeningPlan.ROWS, ListeningPlan.DEAD_LETTERS, ListeningPlan.JOIN_MISSES));
        return counts;
    }

    private static Map<String, Object> observed(Dataset<Row> raw) throws InterruptedException {
        Observation observation = new Observation();
        // As the writer does: the observed frame feeds the history rows; the counts cover every record.
        ListeningPlan.validOf(ListeningPlan.observe(ListeningPlan.classify(raw, songs), observation)).collectAsList();
        return observation.getAsJava();
    }

    private static Row single(Dataset<Row> frame) {
        List<Row> rows = frame.collectAsList();
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    /** Kafka source rows: offsets 0, 1, 2... in partition 3 of TOPIC. */
    private static Dataset<Row> kafka(String... values) {
        return kafkaValues(Arrays.stream(values).map(v -> v == null ? null : v.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new));
    }

    private static Dataset<Row> kafkaValues(byte[]... values) {
        List<Row> rows = new ArrayList<>();
        for (int offset = 0; offset < values.length; offset++) {
            rows.add(RowFactory.create(null, values[offset], TOPIC, 3, (long) offset, KAFKA_TIME, 0));
        }
        return spark.createDataFrame(rows, KAFKA_SCHEMA);
    }

    private static String json(ListeningEvent event) {
        return EventJson.toJson(event);
    }

    private static ListeningEvent event(String id, long ts, String song, String artists) {
        return new ListeningEvent(ListeningEvent.SCHEMA_VERSION, id, ts, "user-1", "Ada", "Portugal", "Porto",
                "Android", "mobile-app", "phone", song, artists);
    }

    private static ListeningEvent details(ListeningEvent e, String id, PlayAction action, long playedMs) {
        return new ListeningEvent(ListeningEvent.SCHEMA_VERSION, id, e.ts(), e.userId(), e.name(), e.country(), e.city(),
                e.os(), e.client(), e.deviceType(), e.song(), e.artists(), action.jsonValue(), playedMs, 2_000L, "session-1");
    }

    /** A CSV row in SongColumn order. */
    private static Row song(String name, String artists, int key, double danceability) {
        return RowFactory.create(name, artists, 187_000L, "Album", "2023-01-13", danceability, 0.68, key,
                -4.3, 1, 0.07, 0.06, 0.0, 0.03, 0.65, 118.0);
    }
}

package dev.listening.streamer.plan;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.unix_millis;
import static org.apache.spark.sql.functions.when;

import dev.listening.contract.EventField;
import dev.listening.contract.FieldType;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.ListeningEvent;
import dev.listening.contract.PlayAction;
import dev.listening.contract.SongColumn;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The streaming plan, as pure functions from DataFrame to DataFrame: the same code runs on the
 * Kafka stream and on static frames in the tests. Input is the Kafka source's frame (value,
 * topic, partition, offset, timestamp); output is the rows of listening_history and of
 * listening_dead_letter, with the column names of the contract.
 *
 * <p>Every record ends up in exactly one of the two: a value that is not UTF-8, is not JSON of
 * the event schema, misses a required field, has an event_id that is not a UUID (the table's
 * key is a CQL uuid) or a name too long for a partition key is a dead letter; an event whose
 * song is not in the catalogue is stored with null song features.
 */
public final class ListeningPlan {
    /** Names of the counts {@link #observe} collects. */
    public static final String ROWS = "rows";
    public static final String DEAD_LETTERS = "dead_letters";
    public static final String JOIN_MISSES = "join_misses";
    /** Epoch milliseconds of the newest well-formed event, and of the newest record's Kafka timestamp; null when none. */
    public static final String NEWEST_EVENT_MS = "newest_event_ms";
    public static final String NEWEST_KAFKA_MS = "newest_kafka_ms";

    static final String ERROR = "_error";
    static final String SONG_FOUND = "_song_found";
    private static final String EVENT = "_event";
    private static final String VALUE = "_value";
    private static final String TOPIC = "_topic";
    private static final String PARTITION = "_partition";
    private static final String OFFSET = "_offset";
    private static final String KAFKA_TIMESTAMP = "_kafka_timestamp";

    private static final long MILLIS_PER_DAY = Duration.ofDays(1).toMillis();
    private static final long MILLIS_PER_HOUR = Duration.ofHours(1).toMillis();
    private static final int HOURS_PER_DAY = 24;
    private static final int QUOTED_TEXT_MAX = 100;

    private ListeningPlan() {
    }

    /** Rows for listening_history: every well-formed event, joined with its song if known. */
    public static Dataset<Row> valid(Dataset<Row> rawKafka, Dataset<Row> songs) {
        return validOf(classify(rawKafka, songs));
    }

    /** Rows for listening_dead_letter: every record that is not a well-formed event. */
    public static Dataset<Row> deadLetters(Dataset<Row> rawKafka) {
        return deadLettersOf(parse(rawKafka));
    }

    /**
     * Every record, parsed, with its error (null when well-formed) and its song (broadcast left
     * join on song and artists). The streaming job writes both of its projections, {@link #validOf}
     * and {@link #deadLettersOf}, from each batch.
     */
    public static Dataset<Row> classify(Dataset<Row> rawKafka, Dataset<Row> songs) {
        return parse(rawKafka).join(broadcast(songs.withColumn(SONG_FOUND, lit(true))), Songs.keyColumns(), "left");
    }

    /**
     * The classified frame, counting as it flows ({@link #ROWS}, {@link #DEAD_LETTERS},
     * {@link #JOIN_MISSES}, the newest times): whichever action reads it fills the observation, without a pass of its own.
     */
    public static Dataset<Row> observe(Dataset<Row> classified, Observation observation) {
        Column[] metrics = metrics();
        return classified.observe(observation, metrics[0], Arrays.copyOfRange(metrics, 1, metrics.length));
    }

    /**
     * Aggregates over a classified frame: rows, dead letters, well-formed events without a song, and the
     * newest event and Kafka times.
     */
    static Column[] metrics() {
        Column wellFormed = col(ERROR).isNull();
        Column ts = col(EventField.TS.jsonName());
        return new Column[] {
                count(lit(1)).as(ROWS),
                count_if(not(wellFormed)).as(DEAD_LETTERS),
                count_if(wellFormed.and(col(SONG_FOUND).isNull())).as(JOIN_MISSES),
                max(when(wellFormed, ts)).as(NEWEST_EVENT_MS),
                max(unix_millis(col(KAFKA_TIMESTAMP))).as(NEWEST_KAFKA_MS)};
    }

    public static Dataset<Row> validOf(Dataset<Row> classified) {
        List<Column> columns = new ArrayList<>();
        for (EventField field : EventField.values()) {
            columns.add(field == EventField.TS
                    ? timestamp_millis(col(field.jsonName())).as(field.jsonName())
                    : col(field.jsonName()));
        }
        Column ts = col(EventField.TS.jsonName());
        columns.add(date_from_unix_date(epochDay(ts)).as(HistoryColumn.DATE));
        columns.add(hourOfDay(ts).as(HistoryColumn.HOUR));
        Column action = col(EventField.ACTION.jsonName());
        // null without an action (a version 1 event), so sum(skipped) counts only what is known
        columns.add(when(action.equalTo(PlayAction.SKIP.jsonValue()), 1).when(action.isNotNull(), 0).as(HistoryColumn.SKIPPED));
        Arrays.stream(SongColumn.values()).filter(c -> !c.isKey()).forEach(c -> columns.add(col(c.column())));
        return classified.where(col(ERROR).isNull()).select(columns.toArray(Column[]::new));
    }

    // Arithmetic on the epoch milliseconds, so the UTC day and hour do not depend on the session time zone.
    private static Column epochDay(Column epochMillis) {
        return floor(epochMillis.divide(MILLIS_PER_DAY)).cast("int");
    }

    private static Column hourOfDay(Column epochMillis) {
        return pmod(floor(epochMillis.divide(MILLIS_PER_HOUR)), lit(HOURS_PER_DAY)).cast("int");
    }

    public static Dataset<Row> deadLettersOf(Dataset<Row> parsed) {
        return parsed.where(col(ERROR).isNotNull()).select(
                col(TOPIC).as(HistoryColumn.DEAD_LETTER_TOPIC),
                col(PARTITION).as(HistoryColumn.DEAD_LETTER_PARTITION),
                col(OFFSET).as(HistoryColumn.DEAD_LETTER_OFFSET),
                col(VALUE).as(HistoryColumn.DEAD_LETTER_RAW_VALUE),
                col(ERROR).as(HistoryColumn.DEAD_LETTER_ERROR),
                // The record's Kafka timestamp, not the wall clock: a replayed batch rewrites the same row.
                col(KAFKA_TIMESTAMP).as(HistoryColumn.DEAD_LETTER_RECEIVED_AT));
    }

    static Dataset<Row> parse(Dataset<Row> rawKafka) {
        Column event = from_json(col("value").cast("string"), EventSchema.eventsWithCorruptRecord(),
                Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", EventSchema.CORRUPT_RECORD));
        Dataset<Row> withEvent = rawKafka.select(
                col("value").as(VALUE),
                col("topic").as(TOPIC),
                col("partition").as(PARTITION),
                col("offset").as(OFFSET),
                col("timestamp").as(KAFKA_TIMESTAMP),
                // One row per record, as a generator: the optimizer pushes a filter on the parsed fields down to
                // the parse, and through a plain projection it would inline from_json once per field the filter reads.
                explode(array(event)).as(EVENT));
        List<Column> columns = new ArrayList<>(List.of(col(VALUE), col(TOPIC), col(PARTITION), col(OFFSET), col(KAFKA_TIMESTAMP)));
        for (EventField field : EventField.values()) {
            columns.add(col(EVENT + "." + field.jsonName()).as(field.jsonName()));
        }
        columns.add(error(col(VALUE), col(EVENT)).as(ERROR));
        return withEvent.select(columns.toArray(Column[]::new));
    }

    /** Why a record is not a well-formed event, or null. The first reason that applies wins. */
    private static Column error(Column value, Column event) {
        Column eventId = event.getField(EventField.EVENT_ID.jsonName());
        Column ts = event.getField(EventField.TS.jsonName());
        Column version = event.getField(EventField.SCHEMA_VERSION.jsonName());
        Column nameBytes = octet_length(event.getField(EventField.NAME.jsonName()));
        Column missing = concat_ws(", ", EventField.requiredFields().stream()
                .map(f -> when(isMissing(event.getField(f.jsonName()), f.type()), lit(f.jsonName())))
                .toArray(Column[]::new));
        return when(value.isNull(), lit("the record has no value"))
                // Decoding replaces bytes that are not UTF-8 with U+FFFD: the text would be stored altered.
                .when(value.notEqual(encode(value.cast("string"), "UTF-8")), lit("the value is not UTF-8"))
                .when(event.isNull().or(event.getField(EventSchema.CORRUPT_RECORD).isNotNull()),
                        lit("not a JSON object with the event's fields and types"))
                .when(missing.notEqual(""), concat(lit("missing required field(s): "), missing))
                .when(not(eventId.rlike(ListeningEvent.EVENT_ID_PATTERN)), concat(lit("event_id is not a UUID: "), quoted(eventId)))
                // Cassandra would refuse the row, and with it the whole batch, again on every replay.
                .when(nameBytes.gt(HistoryColumn.MAX_NAME_BYTES), concat(lit("name is longer than the "
                        + HistoryColumn.MAX_NAME_BYTES + " bytes a partition key allows: "), nameBytes.cast("string"), lit(" bytes")))
                // outside Spark's timestamp range timestamp_millis overflows
                .when(ts.lt(ListeningEvent.MIN_TS).or(ts.gt(ListeningEvent.MAX_TS)), concat(lit("ts is outside years 1-9999: "), ts.cast("string")))
                .when(version.lt(1).or(version.gt(ListeningEvent.SCHEMA_VERSION)),
                        concat(lit("schema_version "), version.cast("string"),
                                lit(" is not supported (1-" + ListeningEvent.SCHEMA_VERSION + ")")));
    }

    private static Column isMissing(Column field, FieldType type) {
        return type == FieldType.STRING ? field.isNull().or(trim(field).equalTo("")) : field.isNull();
    }

    private static Column quoted(Column text) {
        return concat(lit("'"), text.substr(1, QUOTED_TEXT_MAX), lit("'"));
    }
}

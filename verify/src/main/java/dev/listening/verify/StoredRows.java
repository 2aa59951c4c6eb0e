package dev.listening.verify;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.listening.contract.CqlFile;
import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Cassandra holds for the partitions and topic partitions a verification touches. The
 * statements are the files of cql/verify/, run on the keyspace verified.
 */
public final class StoredRows {
    static final String HISTORY_PARTITION = "cql/verify/history_partition.cql";
    static final String HISTORY_PARTITION_KEYS = "cql/verify/history_partition_keys.cql";
    static final String HISTORY_PARTITION_COUNT = "cql/verify/history_partition_count.cql";
    static final String HOUR_ROLLUP = "cql/verify/hour_rollup.cql";
    static final String HOUR_LISTENERS = "cql/verify/hour_listeners.cql";
    static final String DEAD_LETTERS = "cql/verify/dead_letters.cql";

    private final CqlSession session;
    private final String keyspace;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    public StoredRows(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = CqlIdentifier.fromInternal(keyspace).asCql(true);
    }

    /** Every row of these listening_history partitions, with the columns verify compares. */
    public List<StoredRow> rows(Collection<RecordRef.PartitionKey> partitions) {
        PreparedStatement select = statement(HISTORY_PARTITION);
        List<StoredRow> rows = new ArrayList<>();
        for (RecordRef.PartitionKey key : partitions) {
            for (Row row : session.execute(bind(select, key))) {
                Map<String, Object> values = new HashMap<>();
                StoredRow.COLUMNS.forEach(column -> values.put(column, row.getObject(column)));
                rows.add(StoredRow.of(new RecordRef.PrimaryKey(key, row.getInstant(EventField.TS.jsonName()),
                        row.getUuid(EventField.EVENT_ID.jsonName())), values));
            }
        }
        return rows;
    }

    /** The listening_history partitions of these listeners, every date and hour the table holds for them. */
    public Set<RecordRef.PartitionKey> partitionsOf(Set<String> names) {
        Set<RecordRef.PartitionKey> partitions = new HashSet<>();
        for (Row row : session.execute(statement(HISTORY_PARTITION_KEYS).bind())) {
            String name = row.getString(EventField.NAME.jsonName());
            if (names.contains(name)) {
                partitions.add(new RecordRef.PartitionKey(name, row.getLocalDate(HistoryColumn.DATE), row.getInt(HistoryColumn.HOUR)));
            }
        }
        return partitions;
    }

    /**
     * An hour as listening_by_hour sums it up, and as listening_history has it: the listeners are
     * those of listener_hourly and {@code alsoListeners} (the topic's), the plays their rows.
     */
    public Quality.HourComparison compare(Quality.RollupHour hour, Set<String> alsoListeners) {
        long rollupPlays = 0;
        long rollupListeners = 0;
        long songPlays = 0;
        for (Row row : session.execute(bind(statement(HOUR_ROLLUP), hour))) {
            rollupPlays = row.isNull(0) ? 0 : row.getLong(0);
            rollupListeners = row.isNull(1) ? 0 : row.getLong(1);
            songPlays += row.isNull(2) ? 0 : row.getLong(2);
        }
        Set<String> names = new HashSet<>(alsoListeners);
        session.execute(bind(statement(HOUR_LISTENERS), hour)).forEach(r -> names.add(r.getString(0)));
        PreparedStatement count = statement(HISTORY_PARTITION_COUNT);
        long detailPlays = 0;
        long detailListeners = 0;
        for (String name : names) {
            long plays = session.execute(bind(count, new RecordRef.PartitionKey(name, hour.date(), hour.hour()))).one().getLong(0);
            detailPlays += plays;
            detailListeners += plays > 0 ? 1 : 0;
        }
        return new Quality.HourComparison(hour, rollupPlays, rollupListeners, songPlays, detailPlays, detailListeners);
    }

    /** The dead letters of these topic partitions: "partition@offset" to the record's Kafka timestamp. */
    public Map<String, Instant> deadLetters(String topic, Collection<Integer> kafkaPartitions) {
        PreparedStatement select = statement(DEAD_LETTERS);
        Map<String, Instant> deadLetters = new HashMap<>();
        for (int partition : kafkaPartitions) {
            for (Row row : session.execute(select.boundStatementBuilder()
                    .setString(HistoryColumn.DEAD_LETTER_TOPIC, topic)
                    .setInt(HistoryColumn.DEAD_LETTER_PARTITION, partition).build())) {
                deadLetters.put(partition + "@" + row.getLong(HistoryColumn.DEAD_LETTER_OFFSET),
                        row.getInstant(HistoryColumn.DEAD_LETTER_RECEIVED_AT));
            }
        }
        return deadLetters;
    }

    private PreparedStatement statement(String resource) {
        return prepared.computeIfAbsent(resource, r -> session.prepare(CqlFile.classpath(r).inKeyspace(keyspace).cql()));
    }

    private static BoundStatement bind(PreparedStatement statement, RecordRef.PartitionKey key) {
        return statement.boundStatementBuilder()
                .setString(EventField.NAME.jsonName(), key.name())
                .setLocalDate(HistoryColumn.DATE, key.date())
                .setInt(HistoryColumn.HOUR, key.hour()).build();
    }

    private static BoundStatement bind(PreparedStatement statement, Quality.RollupHour hour) {
        return statement.boundStatementBuilder()
                .setLocalDate(HistoryColumn.DATE, hour.date())
                .setInt(HistoryColumn.HOUR, hour.hour()).build();
    }
}

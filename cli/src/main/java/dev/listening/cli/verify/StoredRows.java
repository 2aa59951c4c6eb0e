package dev.listening.cli.verify;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.Names;
import dev.listening.contract.SongColumn;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** What Cassandra holds for the partitions and topic partitions a verification touches. */
public final class StoredRows {
    private final CqlSession session;
    private final String keyspace;

    public StoredRows(CqlSession session, String keyspace) {
        this.session = session;
        this.keyspace = CqlIdentifier.fromInternal(keyspace).asCql(true);
    }

    /** Event ids in these listening_history partitions; those without song features go to {@code withoutFeatures}. */
    public Set<UUID> eventIds(Collection<RecordRef.PartitionKey> partitions, Set<UUID> withoutFeatures) {
        String eventId = EventField.EVENT_ID.jsonName();
        String feature = SongColumn.DANCEABILITY.column();
        PreparedStatement select = session.prepare("SELECT " + eventId + ", " + feature + " FROM " + keyspace + "."
                + Names.HISTORY_TABLE + " WHERE " + EventField.NAME.jsonName() + " = ? AND " + HistoryColumn.DATE
                + " = ? AND " + HistoryColumn.HOUR + " = ?");
        Set<UUID> ids = new HashSet<>();
        for (RecordRef.PartitionKey key : partitions) {
            for (Row row : session.execute(select.bind(key.name(), key.date(), key.hour()))) {
                ids.add(row.getUuid(0));
                if (row.isNull(1)) {
                    withoutFeatures.add(row.getUuid(0));
                }
            }
        }
        return ids;
    }

    /** "partition@offset" of every dead letter of these topic partitions. */
    public Set<String> deadLetters(String topic, Collection<Integer> kafkaPartitions) {
        PreparedStatement select = session.prepare("SELECT " + HistoryColumn.DEAD_LETTER_OFFSET + " FROM " + keyspace
                + "." + Names.DEAD_LETTER_TABLE + " WHERE " + HistoryColumn.DEAD_LETTER_TOPIC + " = ? AND "
                + HistoryColumn.DEAD_LETTER_PARTITION + " = ?");
        Set<String> coordinates = new HashSet<>();
        for (int partition : kafkaPartitions) {
            for (Row row : session.execute(select.bind(topic, partition))) {
                coordinates.add(partition + "@" + row.getLong(0));
            }
        }
        return coordinates;
    }
}

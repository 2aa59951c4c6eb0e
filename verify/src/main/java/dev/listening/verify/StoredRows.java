package dev.listening.verify;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.Names;
import dev.listening.contract.RollupColumn;
import dev.listening.contract.SongColumn;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What Cassandra holds for the partitions and topic partitions a verification touches. */
public final class StoredRows {
    private static final String PARTITION = " WHERE " + EventField.NAME.jsonName() + " = ? AND " + HistoryColumn.DATE
            + " = ? AND " + HistoryColumn.HOUR + " = ?";

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
                + Names.HISTORY_TABLE + PARTITION);
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

    /** The plays in these listening_history partitions. */
    public List<StoredPlay> plays(Collection<RecordRef.PartitionKey> partitions) {
        String durationMs = SongColumn.DURATION_MS.column();
        PreparedStatement select = session.prepare("SELECT " + EventField.NAME.jsonName() + ", " + EventField.TS.jsonName()
                + ", " + durationMs + " FROM " + keyspace + "." + Names.HISTORY_TABLE + PARTITION);
        List<StoredPlay> plays = new ArrayList<>();
        for (RecordRef.PartitionKey key : partitions) {
            for (Row row : session.execute(select.bind(key.name(), key.date(), key.hour()))) {
                plays.add(new StoredPlay(row.getString(0), row.getInstant(1), row.isNull(2) ? null : row.getLong(2)));
            }
        }
        return plays;
    }

    /**
     * An hour as listening_by_hour sums it up, and as listening_history has it: the listeners are
     * those of listener_hourly and {@code alsoListeners} (the topic's), the plays their rows.
     */
    public Quality.HourComparison compare(Quality.RollupHour hour, Set<String> alsoListeners) {
        String date = HistoryColumn.DATE;
        String hourColumn = HistoryColumn.HOUR;
        String where = " WHERE " + date + " = ? AND " + hourColumn + " = ?";
        long rollupPlays = 0;
        long rollupListeners = 0;
        long songPlays = 0;
        for (Row row : session.execute(session.prepare("SELECT " + RollupColumn.PLAYS + ", " + RollupColumn.LISTENERS
                + ", " + RollupColumn.SONG_PLAYS + " FROM " + keyspace + "." + Names.BY_HOUR_TABLE + where)
                .bind(hour.date(), hour.hour()))) {
            rollupPlays = row.isNull(0) ? 0 : row.getLong(0);
            rollupListeners = row.isNull(1) ? 0 : row.getLong(1);
            songPlays += row.isNull(2) ? 0 : row.getLong(2);
        }
        Set<String> names = new HashSet<>(alsoListeners);
        session.execute(session.prepare("SELECT " + EventField.NAME.jsonName() + " FROM " + keyspace + "."
                + Names.LISTENER_HOURLY_TABLE + where).bind(hour.date(), hour.hour())).forEach(r -> names.add(r.getString(0)));
        PreparedStatement count = session.prepare("SELECT count(*) FROM " + keyspace + "." + Names.HISTORY_TABLE + PARTITION);
        long detailPlays = 0;
        long detailListeners = 0;
        for (String name : names) {
            long plays = session.execute(count.bind(name, hour.date(), hour.hour())).one().getLong(0);
            detailPlays += plays;
            detailListeners += plays > 0 ? 1 : 0;
        }
        return new Quality.HourComparison(hour, rollupPlays, rollupListeners, songPlays, detailPlays, detailListeners);
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

package dev.listening.streamer.rollup;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.spark.connector.cql.CassandraConnector;
import dev.listening.contract.Names;
import org.apache.spark.SparkConf;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rollup_pending rows of one stream (its checkpoint): what each batch touched, kept from its
 * history write until its rollups are written.
 */
public final class PendingRollups implements RollupQueue.Pending {
    /** Listener-songs per row: a few hundred KB of JSON before gzip, far below Cassandra's mutation limit. */
    private static final int CHUNK = 5_000;

    private final CassandraConnector connector;
    private final String table;
    private final String stream;
    private final ConsistencyLevel consistency;

    public PendingRollups(SparkConf conf, String keyspace, String stream, ConsistencyLevel consistency) {
        this.connector = CassandraConnector.apply(conf);
        this.table = CqlIdentifier.fromInternal(keyspace).asCql(true) + "." + Names.ROLLUP_PENDING_TABLE;
        this.stream = stream;
        this.consistency = consistency;
    }

    @Override
    public void save(long batchId, Set<ListenerSong> touched) {
        try (CqlSession session = connector.openSession()) {
            PreparedStatement insert = session.prepare("INSERT INTO " + table + " (stream, batch_id, chunk, touched) VALUES (?, ?, ?, ?)");
            List<List<ListenerSong>> chunks = Touched.chunks(touched, CHUNK);
            for (int i = 0; i < chunks.size(); i++) {
                session.execute(insert.bind(stream, batchId, i, ByteBuffer.wrap(Touched.encode(chunks.get(i))))
                        .setConsistencyLevel(consistency));
            }
        }
    }

    @Override
    public SortedMap<Long, Set<ListenerSong>> load() {
        SortedMap<Long, Set<ListenerSong>> pending = new TreeMap<>();
        try (CqlSession session = connector.openSession()) {
            PreparedStatement select = session.prepare("SELECT batch_id, touched FROM " + table + " WHERE stream = ?");
            for (Row row : session.execute(select.bind(stream).setConsistencyLevel(consistency))) {
                ByteBuffer blob = row.getByteBuffer(1);
                byte[] bytes = new byte[blob.remaining()];
                blob.get(bytes);
                pending.computeIfAbsent(row.getLong(0), id -> new HashSet<>()).addAll(Touched.decode(bytes));
            }
        }
        return pending;
    }

    @Override
    public void deleteThrough(long batchId) {
        try (CqlSession session = connector.openSession()) {
            PreparedStatement delete = session.prepare("DELETE FROM " + table + " WHERE stream = ? AND batch_id <= ?");
            session.execute(delete.bind(stream, batchId).setConsistencyLevel(consistency));
        }
    }
}

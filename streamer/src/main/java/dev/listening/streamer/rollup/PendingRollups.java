package dev.listening.streamer.rollup;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.spark.connector.cql.CassandraConnector;
import dev.listening.streamer.sink.StatementFile;
import org.apache.spark.SparkConf;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rollup_pending rows of one stream (its checkpoint): what each batch touched, kept from its
 * history write until its rollups are written. The statements bind by position, in the order of
 * their files' markers: (stream, batch_id, chunk, touched), (stream), (stream, batch_id).
 */
public final class PendingRollups implements RollupQueue.Pending {
    /** Listener-songs per row: a few hundred KB of JSON before gzip, far below Cassandra's mutation limit. */
    private static final int CHUNK = 5_000;

    private final CassandraConnector connector;
    private final String insert;
    private final String select;
    private final String delete;
    private final String stream;
    private final ConsistencyLevel consistency;

    public PendingRollups(SparkConf conf, String keyspace, String stream, ConsistencyLevel consistency) {
        this.connector = CassandraConnector.apply(conf);
        this.insert = StatementFile.ROLLUP_PENDING_INSERT.cql(keyspace);
        this.select = StatementFile.ROLLUP_PENDING_SELECT.cql(keyspace);
        this.delete = StatementFile.ROLLUP_PENDING_DELETE.cql(keyspace);
        this.stream = stream;
        this.consistency = consistency;
    }

    @Override
    public void save(long batchId, Set<ListenerSong> touched) {
        try (CqlSession session = connector.openSession()) {
            PreparedStatement chunk = session.prepare(insert);
            List<List<ListenerSong>> chunks = Touched.chunks(touched, CHUNK);
            for (int i = 0; i < chunks.size(); i++) {
                session.execute(chunk.bind(stream, batchId, i, ByteBuffer.wrap(Touched.encode(chunks.get(i))))
                        .setConsistencyLevel(consistency));
            }
        }
    }

    @Override
    public SortedMap<Long, Set<ListenerSong>> load() {
        SortedMap<Long, Set<ListenerSong>> pending = new TreeMap<>();
        try (CqlSession session = connector.openSession()) {
            for (Row row : session.execute(session.prepare(select).bind(stream).setConsistencyLevel(consistency))) {
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
            session.execute(session.prepare(delete).bind(stream, batchId).setConsistencyLevel(consistency));
        }
    }
}

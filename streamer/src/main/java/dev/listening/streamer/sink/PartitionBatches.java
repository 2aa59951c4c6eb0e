package dev.listening.streamer.sink;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Statement;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups bound rows by partition: up to {@link #BUFFER_ROWS} rows are held, then the rows of each
 * partition go out as unlogged batches of at most {@link #BATCH_BYTES} of values, which Cassandra
 * applies as one mutation; a partition's lone row goes out as itself.
 */
final class PartitionBatches {
    /** Rows held to find partition-mates: bounded memory, and a batch's rows leave within one buffer. */
    static final int BUFFER_ROWS = 1_000;
    /** Below Cassandra's 5 KiB batch_size_warn_threshold, which counts a little more than the values. */
    static final int BATCH_BYTES = 4 * 1024;

    private final ConsistencyLevel consistency;
    private final TableWriter.Sender sender;
    private final Map<ByteBuffer, List<BoundStatement>> partitions = new LinkedHashMap<>();
    private int held;

    PartitionBatches(ConsistencyLevel consistency, TableWriter.Sender sender) {
        this.consistency = consistency;
        this.sender = sender;
    }

    void add(BoundStatement row) throws InterruptedException {
        partitions.computeIfAbsent(row.getRoutingKey(), k -> new ArrayList<>()).add(row);
        if (++held == BUFFER_ROWS) {
            flush();
        }
    }

    void flush() throws InterruptedException {
        for (List<BoundStatement> rows : partitions.values()) {
            List<BoundStatement> batch = new ArrayList<>();
            int bytes = 0;
            for (BoundStatement row : rows) {
                int size = valueBytes(row);
                if (!batch.isEmpty() && bytes + size > BATCH_BYTES) {
                    send(batch);
                    batch = new ArrayList<>();
                    bytes = 0;
                }
                batch.add(row);
                bytes += size;
            }
            send(batch);
        }
        partitions.clear();
        held = 0;
    }

    private void send(List<BoundStatement> rows) throws InterruptedException {
        Statement<?> statement = rows.size() == 1 ? rows.get(0)
                : BatchStatement.newInstance(DefaultBatchType.UNLOGGED, rows.toArray(BatchableStatement<?>[]::new)).setConsistencyLevel(consistency).setIdempotent(true);
        sender.send(statement);
    }

    private static int valueBytes(BoundStatement row) {
        int bytes = 0;
        for (ByteBuffer value : row.getValues()) {
            bytes += value == null ? 0 : value.remaining();
        }
        return bytes;
    }
}

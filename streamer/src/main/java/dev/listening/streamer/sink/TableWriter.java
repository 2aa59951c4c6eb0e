package dev.listening.streamer.sink;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.spark.connector.cql.CassandraConnector;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.io.Serializable;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a frame's rows into one Cassandra table with the INSERT of a .cql file, on the connector's
 * sessions and configuration. Each task prepares the statement once (the driver caches it), binds
 * every row by index ({@link RowBinder}), sends the rows of one partition together as unlogged
 * batches ({@link PartitionBatches}) and keeps a bounded number of requests in flight.
 *
 * <p>Why not the connector's own writer: it binds through per-column Scala converters (38 % of the
 * executors' CPU in a profile), and every write first refreshes the driver's whole schema, a call
 * that never returns on a session whose control connection died mid-refresh (the driver leaves the
 * refresh pending forever): after Cassandra was killed during a write the stream stalled for good.
 * Preparing and executing have the driver's request timeout, and every wait here has a deadline.
 */
public final class TableWriter implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Requests in flight per task: enough to keep one node busy while the task binds the next rows. */
    static final int IN_FLIGHT = 32;

    private final CassandraConnector connector;
    private final String cql;
    private final ConsistencyLevel consistency;

    TableWriter(CassandraConnector connector, String cql, ConsistencyLevel consistency) {
        this.connector = connector;
        this.cql = cql;
        this.consistency = consistency;
    }

    /** The INSERT of a statement file, run on {@code keyspace}. */
    public static TableWriter of(SparkConf conf, StatementFile insert, String keyspace, ConsistencyLevel consistency) {
        return new TableWriter(CassandraConnector.apply(conf), insert.cql(keyspace), consistency);
    }

    /** Writes every row; returns once all are acknowledged, else throws the first failure. */
    public void write(Dataset<Row> rows) {
        StructType schema = rows.schema();
        rows.foreachPartition((ForeachPartitionFunction<Row>) partition -> writePartition(schema, partition));
    }

    private void writePartition(StructType schema, Iterator<Row> rows) throws InterruptedException {
        try (CqlSession session = connector.openSession()) {
            PreparedStatement prepared = session.prepare(SimpleStatement.newInstance(cql)
                    .setConsistencyLevel(consistency)
                    .setIdempotent(true));
            RowBinder binder = RowBinder.of(prepared, schema);
            Duration requestTimeout = Duration.ofMillis(connector.conf().readTimeoutMillis());
            try (InFlight inFlight = new InFlight(session, IN_FLIGHT, requestTimeout.multipliedBy(2))) {
                PartitionBatches batches = new PartitionBatches(consistency, inFlight::send);
                while (rows.hasNext()) {
                    batches.add(binder.bind(rows.next()));
                }
                batches.flush();
                inFlight.awaitAll();
            }
        }
    }

    /** At most {@code limit} requests in flight; the first failure is thrown by the next call. */
    static final class InFlight implements AutoCloseable {
        private final CqlSession session;
        private final int limit;
        private final Duration deadline;
        private final Semaphore permits;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        InFlight(CqlSession session, int limit, Duration deadline) {
            this.session = session;
            this.limit = limit;
            this.deadline = deadline;
            this.permits = new Semaphore(limit);
        }

        void send(Statement<?> statement) throws InterruptedException {
            acquire(1);
            session.executeAsync(statement).whenComplete((result, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                }
                permits.release();
            });
        }

        void awaitAll() throws InterruptedException {
            acquire(limit);
            permits.release(limit);
        }

        private void acquire(int count) throws InterruptedException {
            throwFailure();
            if (!permits.tryAcquire(count, deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DriverTimeoutException("no answer from Cassandra to a write within " + deadline.toSeconds() + " s");
            }
            throwFailure();
        }

        private void throwFailure() {
            Throwable error = failure.get();
            if (error instanceof RuntimeException e) {
                throw e;
            }
            if (error != null) {
                throw new IllegalStateException(error);
            }
        }

        /** Waits for what is still in flight, so the session is not released under it. */
        @Override
        public void close() throws InterruptedException {
            permits.tryAcquire(limit, deadline.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A statement to send; the caller may block until there is room for it. */
    @FunctionalInterface
    interface Sender {
        void send(Statement<?> statement) throws InterruptedException;
    }
}

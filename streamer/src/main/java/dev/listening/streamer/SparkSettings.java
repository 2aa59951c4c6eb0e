package dev.listening.streamer;

import dev.listening.contract.CassandraCredentials;
import dev.listening.streamer.localfs.NioLocalFileSystem;
import org.apache.spark.SparkConf;

import java.util.Optional;

/**
 * The Spark configuration of the job. What spark-submit was given (--master, --conf) wins over
 * the local defaults here; what the command line says about Cassandra wins over both.
 */
public final class SparkSettings {
    public static final String APP_NAME = "listening-streamer";
    static final String STATE_STORE = "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";
    /** State stores per stateful operator, fixed in the checkpoint by its first run: more only add fixed costs per batch here. */
    private static final String ROLLUP_PARTITIONS = "4";

    private SparkSettings() {
    }

    /** The job's settings; with {@code credentials}, the connector logs in (set here, so they never are arguments). */
    public static SparkConf apply(SparkConf conf, StreamerConfig config, Optional<CassandraCredentials> credentials) {
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.app.name", APP_NAME);
        // The plan derives date and hour without the session zone; UTC makes every other timestamp agree with them.
        conf.set("spark.sql.session.timeZone", "UTC");

        conf.set("spark.cassandra.connection.host", config.cassandra());
        conf.set("spark.cassandra.connection.localDC", config.datacenter());
        conf.set("spark.cassandra.output.consistency.level", config.consistency().name());
        credentials.ifPresent(c -> conf.set("spark.cassandra.auth.username", c.user()).set("spark.cassandra.auth.password", c.password()));
        // A song-less event has 16 null features: unset columns instead of 16 tombstones per row.
        conf.set("spark.cassandra.output.ignoreNulls", "true");
        // Rows of one partition (a listener-hour) go in one unlogged batch, one mutation for Cassandra:
        // more rows are buffered to find partition-mates, and a batch stays under Cassandra's 5 KiB
        // batch_size_warn_threshold. 32 batches in flight per task instead of 5 keep Cassandra busy
        // while the task binds the next rows.
        conf.setIfMissing("spark.cassandra.output.batch.grouping.buffer.size", "10000");
        conf.setIfMissing("spark.cassandra.output.batch.size.bytes", "4096");
        conf.setIfMissing("spark.cassandra.output.concurrent.writes", "32");
        // Within a write: retry timed-out statements; reconnect to a node that went away with backoff.
        conf.setIfMissing("spark.cassandra.query.retry.count", "10");
        // The driver's request timeout, on every read and write: at the connector's default (120 s) writes in flight
        // when the node was killed held their batch for 4 minutes, twice the timeout, before it was retried.
        conf.setIfMissing("spark.cassandra.read.timeoutMS", "20000");
        conf.setIfMissing("spark.cassandra.connection.reconnectionDelayMS.min", "1000");
        conf.setIfMissing("spark.cassandra.connection.reconnectionDelayMS.max", "30000");
        // The songs' broadcast hash relation is rebuilt every micro-batch; the default page (32 MiB on
        // two cores) made it 32 MiB for 1.5 MiB of songs.
        conf.setIfMissing("spark.buffer.pageSize", "2m");
        // The rollups' state (RollupStream) off the JVM heap, its commits incremental; the only shuffle of the job
        // is the rollups' aggregation, and each of its partitions is a state store committed every rollup batch.
        conf.setIfMissing("spark.sql.streaming.stateStore.providerClass", STATE_STORE);
        conf.setIfMissing("spark.sql.streaming.stateStore.rocksdb.changelogCheckpointing.enabled", "true");
        conf.setIfMissing("spark.sql.shuffle.partitions", ROLLUP_PARTITIONS);
        // After each batch that moves the watermark Spark would run one more, without data, only to evict expired
        // state: in update mode it emits nothing, and the next batch with data evicts the same state.
        conf.setIfMissing("spark.sql.streaming.noDataMicroBatches.enabled", "false");
        NioLocalFileSystem.configureCheckpoint(conf, config.checkpoint());
        // Below the shutdown hook timeout (30 s), so a stop that hangs is reported, not cut off.
        conf.setIfMissing("spark.sql.streaming.stopTimeout", "20s");
        return conf;
    }
}

package dev.listening.streamer.batch;

import dev.listening.contract.BatchOptions;
import dev.listening.contract.CassandraCredentials;
import dev.listening.streamer.localfs.NioLocalFileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The Spark session of a batch job over listening_history: the connector configured, the master from spark-submit. */
final class BatchSpark {
    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private BatchSpark() {
    }

    static SparkSession start(String appName, BatchOptions options) {
        SparkConf conf = NioLocalFileSystem.configure(new SparkConf())
                .setIfMissing("spark.master", "local[*]")
                .setIfMissing("spark.app.name", appName)
                // Dates and hours are UTC in the history; Parquet partitions and filters must agree.
                .set("spark.sql.session.timeZone", "UTC")
                .set("spark.sql.datetime.java8API.enabled", "true")
                // The connector's direct join: the history is read by its partition keys, not scanned.
                .set("spark.sql.extensions", "com.datastax.spark.connector.CassandraSparkExtensions")
                .set("spark.cassandra.connection.host", options.cassandra.cassandra())
                .set("spark.cassandra.connection.localDC", options.cassandra.datacenter())
                // An average with no play to average stays unset, as the streamer writes it: no tombstones.
                .set("spark.cassandra.output.ignoreNulls", "true")
                // A rerun replaces only the date/hour directories it writes, never the rest of the archive.
                .set("spark.sql.sources.partitionOverwriteMode", "dynamic");
        CassandraCredentials.current().ifPresent(c -> conf.set("spark.cassandra.auth.username", c.user())
                .set("spark.cassandra.auth.password", c.password()));
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        // Spark's default of 200 shuffle partitions costs tasks by the hundred for a date's rollups (a rebuild of four
        // plays took 40 s instead of 25); the job's cores are as many as can run at once.
        if (!conf.contains(SHUFFLE_PARTITIONS)) {
            spark.conf().set(SHUFFLE_PARTITIONS, spark.sparkContext().defaultParallelism());
        }
        return spark;
    }
}

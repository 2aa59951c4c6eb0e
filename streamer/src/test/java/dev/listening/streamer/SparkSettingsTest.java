package dev.listening.streamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.kafka.KafkaClient;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

class SparkSettingsTest {
    private static final StreamerConfig CONFIG = new StreamerConfig(KafkaClient.of("k:1"), "t", "c:9042,d:9042", "dc1", "ks",
            DefaultConsistencyLevel.LOCAL_QUORUM, "s.csv", Duration.ofSeconds(1), 10, 0, "earliest", "/ck", Duration.ofMinutes(1),
            Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofMinutes(5), "/ck-metrics.jsonl", 0, "127.0.0.1");

    @Test
    void withoutSparkSubmitTheJobRunsLocallyInUtc() {
        SparkConf conf = SparkSettings.apply(new SparkConf(false), CONFIG, Optional.empty());

        assertEquals("local[*]", conf.get("spark.master"));
        assertEquals("UTC", conf.get("spark.sql.session.timeZone"));
        assertEquals("20000", conf.get("spark.cassandra.read.timeoutMS"), "every request has a short deadline");
        assertEquals(SparkSettings.STATE_STORE, conf.get("spark.sql.streaming.stateStore.providerClass"));
    }

    @Test
    void sparkSubmitsMasterAndConfWinOverTheDefaults() {
        SparkConf submitted = new SparkConf(false)
                .set("spark.master", "spark://cluster:7077")
                .set("spark.cassandra.query.retry.count", "3")
                .set("spark.sql.session.timeZone", "Europe/Lisbon");

        SparkConf conf = SparkSettings.apply(submitted, CONFIG, Optional.empty());

        assertEquals("spark://cluster:7077", conf.get("spark.master"));
        assertEquals("3", conf.get("spark.cassandra.query.retry.count"));
        assertEquals("UTC", conf.get("spark.sql.session.timeZone"));
    }

    @Test
    void cassandraSettingsComeFromTheCommandLine() {
        SparkConf conf = SparkSettings.apply(new SparkConf(false), CONFIG, Optional.empty());

        assertEquals("c:9042,d:9042", conf.get("spark.cassandra.connection.host"));
        assertEquals("dc1", conf.get("spark.cassandra.connection.localDC"));
        assertEquals("LOCAL_QUORUM", conf.get("spark.cassandra.output.consistency.level"));
        assertEquals("true", conf.get("spark.cassandra.output.ignoreNulls"));
    }

    @Test
    void credentialsReachTheConnectorAndNothingElse() {
        SparkConf conf = SparkSettings.apply(new SparkConf(false), CONFIG, Optional.of(new CassandraCredentials("ada", "s3cret")));

        assertEquals("ada", conf.get("spark.cassandra.auth.username"));
        assertEquals("s3cret", conf.get("spark.cassandra.auth.password"));
        assertFalse(SparkSettings.apply(new SparkConf(false), CONFIG, Optional.empty()).contains("spark.cassandra.auth.password"));
    }
}

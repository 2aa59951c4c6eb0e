package dev.listening.streamer.plan;

import org.apache.spark.sql.SparkSession;

/** A small in-process Spark for one test class: two cores, one shuffle partition, no UI. */
final class TestSpark {
    private TestSpark() {
    }

    static SparkSession start(String sessionTimeZone) {
        return SparkSession.builder()
                .master("local[2]")
                .appName("streamer-test")
                .config("spark.sql.shuffle.partitions", "1")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", sessionTimeZone)
                // Instant and LocalDate in collected rows: no JVM default zone between the test and the values.
                .config("spark.sql.datetime.java8API.enabled", "true")
                .getOrCreate();
    }
}

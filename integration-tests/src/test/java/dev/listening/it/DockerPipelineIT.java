package dev.listening.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.Cli;
import dev.listening.contract.Names;
import dev.listening.contract.StreamerOptions;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.Replication;
import dev.listening.cql.Schema;
import dev.listening.producer.ProduceCommand;
import dev.listening.stack.ProjectRoot;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.SongFeatures;
import dev.listening.verify.TopicReader;
import dev.listening.verify.Verifier;
import org.junit.jupiter.api.Test;
import org.testcontainers.cassandra.CassandraContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The pipeline against Kafka and Cassandra in containers, the Docker users' path. Runs only where a
 * Docker daemon answers; elsewhere (these build machines) JUnit reports it as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class DockerPipelineIT {
    private static final int EVENTS = 300;

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer(ServiceVersions.kafkaImage());

    @Container
    private static final CassandraContainer CASSANDRA = new CassandraContainer(ServiceVersions.cassandraImage());

    @Test
    void eventsProducedIntoContainersAreStoredExactlyOnce() throws Exception {
        String bootstrap = KAFKA.getBootstrapServers();
        String cassandra = CASSANDRA.getHost() + ":" + CASSANDRA.getMappedPort(9042);
        Path root = ProjectRoot.get();
        Path home = Files.createTempDirectory("docker-pipeline");
        try (CqlSession session = CassandraSessions.open(cassandra, CASSANDRA.getLocalDatacenter(), Duration.ofSeconds(30))) {
            Schema.load().apply(session, Names.KEYSPACE, Replication.simple(1));
            assertEquals(0, Cli.execute(new ProduceCommand(), "--bootstrap", bootstrap, "--topic", Names.TOPIC,
                    "--rate", "max", "--limit", Integer.toString(EVENTS), "--user", "Ada Lovelace"));

            StreamerSubmission submission = new StreamerSubmission(bootstrap, Names.TOPIC, cassandra,
                    CASSANDRA.getLocalDatacenter(), Names.KEYSPACE, "LOCAL_ONE", root.resolve("data/spotify-songs.csv"),
                    "1s", 10_000, 0, "earliest", StreamerOptions.defaultCheckpoint(home, Names.TOPIC, Names.KEYSPACE), "2m",
                    "10s", StreamerOptions.DEFAULT_ROLLUP_LATENESS, StreamerOptions.DEFAULT_STALL_TIMEOUT, null, 0,
                    StreamerOptions.DEFAULT_METRICS_ADDRESS, StreamerOptions.defaultMetricsFile(
                            StreamerOptions.defaultCheckpoint(home, Names.TOPIC, Names.KEYSPACE)));
            Verifier verifier = new Verifier(new TopicReader(bootstrap, Duration.ofSeconds(30)), session, Names.KEYSPACE,
                    SongFeatures.load(root.resolve(StreamerOptions.DEFAULT_SONGS)));
            Path log = home.resolve("streamer.log");
            try (SparkSubmitProcess streamer = SparkSubmitProcess.start(submission.job(new SparkRuntime(root, home), "local[2]"), log)) {
                Reconciliation.Report report = StreamerChecks.awaitNothingMissing(verifier, Names.TOPIC, streamer, log,
                        Duration.ofMinutes(4), Duration.ofSeconds(2));
                assertTrue(report.passed(), report.toString());
                assertEquals(EVENTS, report.stored());
            }
        }
    }
}

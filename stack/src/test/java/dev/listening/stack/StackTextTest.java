package dev.listening.stack;

import dev.listening.cql.Replication;
import dev.listening.stack.cassandra.RingNode;
import dev.listening.stack.kafka.KafkaClusterState;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.spark.SparkMasterState;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackTextTest {
    private static final Path ROOT = Path.of("/p");
    private static final List<PortUse> KAFKA_PORTS = List.of(
            new PortUse(new HostPort("127.0.0.1", 9092), "kafka", "--kafka"),
            new PortUse(new HostPort("127.0.0.1", 9093), "kafka controller", "--kafka-controller-port"));
    private static final Bootstrap BOOTSTRAP = new Bootstrap("listening-events", 1, "spotify", Replication.simple(1));

    @Test
    void upSaysWhereEachServiceListensAndHowLongItTookToBeReady() {
        UpReport report = new UpReport(List.of(
                new ServiceReport("kafka", KAFKA_PORTS, 11, false, Duration.ofMillis(3140), Path.of("/p/.pipeline/kafka/kafka.log"))),
                BOOTSTRAP, true, Duration.ofMillis(10_000));
        List<String> lines = StackText.up(report, ROOT);
        assertEquals("kafka          ready in 3.1 s   127.0.0.1:9092 (kafka controller 9093)   pid 11   log .pipeline/kafka/kafka.log",
                lines.get(0));
        assertEquals("topic listening-events created (1 partition)", lines.get(1));
        assertTrue(lines.get(2).startsWith("keyspace spotify has the schema"), lines.get(2));
        assertEquals("stack up in 10.0 s", lines.get(3));
    }

    @Test
    void upOnARunningStackSaysSo() {
        UpReport report = new UpReport(List.of(
                new ServiceReport("kafka", KAFKA_PORTS, 11, true, Duration.ZERO, Path.of("/elsewhere/kafka.log"))),
                BOOTSTRAP, false, Duration.ofMillis(900));
        List<String> lines = StackText.up(report, ROOT);
        assertTrue(lines.get(0).startsWith("kafka          already running  127.0.0.1:9092"), lines.get(0));
        assertTrue(lines.get(0).endsWith("log /elsewhere/kafka.log"), lines.get(0));
        assertEquals("topic listening-events exists", lines.get(1));
        assertEquals("stack was already running", lines.get(3));
    }

    @Test
    void statusShowsPidPortAndState() {
        List<String> lines = StackText.status(List.of(
                new ServiceStatus("kafka", KAFKA_PORTS, OptionalLong.of(11), ServiceStatus.State.READY, Path.of("/p/k.log")),
                new ServiceStatus("kafka", KAFKA_PORTS, OptionalLong.of(12), ServiceStatus.State.STALE_PID_FILE, Path.of("/p/k.log")),
                new ServiceStatus("kafka", KAFKA_PORTS, OptionalLong.empty(), ServiceStatus.State.STOPPED, Path.of("/p/k.log"))), ROOT);
        assertEquals("kafka          running, ready             127.0.0.1:9092 (kafka controller 9093)   pid 11   log k.log", lines.get(0));
        assertEquals("kafka          not running (stale pid file) 127.0.0.1:9092 (kafka controller 9093)", lines.get(1));
        assertEquals("kafka          not running                127.0.0.1:9092 (kafka controller 9093)", lines.get(2));
    }

    @Test
    void downSaysWhatHappenedToEachService() {
        assertEquals(List.of("kafka          stopped (pid 11, 2.0 s)", "cassandra      not running",
                        "kafka          killed after the stop timeout (pid 12)"),
                StackText.down(List.of(
                        new StopReport("kafka", OptionalLong.of(11), StopReport.Outcome.STOPPED, Duration.ofSeconds(2)),
                        new StopReport("cassandra", OptionalLong.empty(), StopReport.Outcome.NOT_RUNNING, Duration.ZERO),
                        new StopReport("kafka", OptionalLong.of(12), StopReport.Outcome.KILLED, Duration.ofSeconds(30)))));
    }

    @Test
    void clusterStatusCountsNormalNodesAndAliveWorkers() {
        List<RingNode> ring = List.of(new RingNode("127.0.0.1:9042", "datacenter1", "UP", "NORMAL"),
                new RingNode("127.0.0.2:9042", "datacenter1", "DOWN", "NORMAL"));
        SparkMasterState master = new SparkMasterState("spark://127.0.0.1:7077", "ALIVE", List.of(
                new SparkMasterState.Worker("worker-1", "127.0.0.1", 40001, "http://127.0.0.1:8081", "ALIVE", 1, 1, 1024, 768),
                new SparkMasterState.Worker("worker-2", "127.0.0.1", 40002, "http://127.0.0.1:8082", "DEAD", 1, 0, 1024, 0)),
                List.of("app-1 listening-streamer"));

        List<String> lines = StackText.cluster(ring, Optional.of(master));

        assertEquals("ring           2 nodes, 1 up and normal", lines.get(0));
        assertTrue(lines.get(2).matches(" +127\\.0\\.0\\.2:9042 +DOWN +NORMAL +datacenter1"), lines.get(2));
        assertEquals("spark          master spark://127.0.0.1:7077 ALIVE, 1 of 2 workers alive, applications: app-1 listening-streamer",
                lines.get(3));
        assertTrue(lines.get(5).contains("DEAD") && lines.get(5).contains("cores 0/1"), lines.get(5));
        assertEquals(List.of("ring           no node answers", "spark          the master's UI does not answer"),
                StackText.cluster(List.of(), Optional.empty()));
    }

    @Test
    void clusterStatusShowsTheBrokersTheControllerAndEachPartitionsLeaderAndIsr() {
        KafkaClusterState kafka = new KafkaClusterState(List.of(3, 1), List.of(1, 2, 3), OptionalInt.of(3),
                Optional.of(new KafkaClusterState.TopicState("events", 2, List.of(
                        new KafkaClusterState.Partition(1, OptionalInt.of(3), List.of(3, 1, 2), List.of(3, 1)),
                        new KafkaClusterState.Partition(0, OptionalInt.of(1), List.of(1, 2, 3), List.of(3, 2, 1))))));

        List<String> lines = StackText.kafka("events", Optional.of(kafka));

        assertEquals(List.of("brokers        2 live (1,3), controller 3 of the quorum 1,2,3",
                "topic          events: 2 partitions, replication factor 3, min.insync.replicas 2, 1 of 2 fully in sync",
                "  partition 0    leader 1     replicas 1,2,3      isr 1,2,3",
                "  partition 1    leader 3     replicas 3,1,2      isr 1,3"), lines);
        assertFalse(kafka.healthy(3), "a broker is missing and a partition is short of a replica");
        assertEquals(List.of("brokers        no broker answers"), StackText.kafka("events", Optional.empty()));
        assertEquals("topic          other does not exist", StackText.kafka("other",
                Optional.of(new KafkaClusterState(List.of(1, 2, 3), List.of(1, 2, 3), OptionalInt.of(1), Optional.empty()))).get(1));
    }

    @Test
    void aClusterIsHealthyWithEveryBrokerALeaderAndEveryPartitionInSync() {
        KafkaClusterState.TopicState inSync = new KafkaClusterState.TopicState("events", 2,
                List.of(new KafkaClusterState.Partition(0, OptionalInt.of(2), List.of(2, 3, 1), List.of(1, 2, 3))));
        assertTrue(new KafkaClusterState(List.of(1, 2, 3), List.of(1, 2, 3), OptionalInt.of(2), Optional.of(inSync)).healthy(3));
        assertFalse(new KafkaClusterState(List.of(1, 2, 3), List.of(1, 2, 3), OptionalInt.empty(), Optional.of(inSync)).healthy(3),
                "no active controller");
        assertFalse(new KafkaClusterState(List.of(1, 2, 3), List.of(1, 2, 3), OptionalInt.of(2), Optional.of(
                new KafkaClusterState.TopicState("events", 2, List.of(new KafkaClusterState.Partition(0, OptionalInt.empty(),
                        List.of(2, 3, 1), List.of(1, 2, 3)))))).healthy(3), "a partition without a leader");
    }
}

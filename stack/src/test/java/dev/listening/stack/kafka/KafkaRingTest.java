package dev.listening.stack.kafka;

import dev.listening.contract.UserError;
import dev.listening.stack.net.HostPort;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaRingTest {
    private final KafkaRing ring = new KafkaRing(new HostPort("127.0.0.1", 39092), 39093);

    @Test
    void brokersListenOnConsecutiveLoopbackAddressesWithTheSamePorts() {
        assertEquals("127.0.0.1:39092,127.0.0.2:39092,127.0.0.3:39092", ring.bootstrap());
    }

    @Test
    void everyNodeIsBrokerAndVoterOfOneFixedQuorumInADirectoryOfItsOwn() throws IOException {
        List<KafkaService> nodes = ring.services(Path.of("/home"));

        assertEquals(List.of("kafka-1", "kafka-2", "kafka-3"), nodes.stream().map(KafkaService::name).toList());
        for (int i = 0; i < nodes.size(); i++) {
            Properties p = properties(nodes.get(i));
            assertEquals(Integer.toString(i + 1), p.getProperty("node.id"));
            assertEquals("broker,controller", p.getProperty("process.roles"));
            assertEquals("1@127.0.0.1:39093,2@127.0.0.2:39093,3@127.0.0.3:39093", p.getProperty("controller.quorum.voters"));
            assertFalse(p.containsKey("controller.quorum.bootstrap.servers"));
            String address = "127.0.0." + (i + 1);
            assertEquals("PLAINTEXT://" + address + ":39092,CONTROLLER://" + address + ":39093", p.getProperty("listeners"));
            assertEquals(Path.of("/home/kafka-" + (i + 1)), nodes.get(i).dir());
        }
    }

    @Test
    void topicsGetAReplicaOnEveryBrokerAndNeedTwoInSync() throws IOException {
        Properties p = properties(ring.services(Path.of("/home")).get(1));
        assertEquals("3", p.getProperty("default.replication.factor"));
        assertEquals("3", p.getProperty("offsets.topic.replication.factor"));
        assertEquals("2", p.getProperty("min.insync.replicas"));
        assertEquals("2", p.getProperty("transaction.state.log.min.isr"));
    }

    @Test
    void theNodesShareOneClusterIdAndFormatWithoutStandalone() {
        List<KafkaConfig> configs = ring.services(Path.of("/home")).stream().map(KafkaService::config).toList();
        assertEquals(List.of(Path.of("/home/kafka-1/cluster.id")), configs.stream().map(KafkaConfig::clusterIdFile).distinct().toList());
        assertEquals(List.of("format", "-t", "id", "-c", "/home/kafka-2/server.properties"), configs.get(1).formatArguments("id"));
        assertTrue(configs.get(0).jvmOptions().contains("-Xmx384m"));
    }

    @Test
    void refusesAnAddressWithoutRoomForThreeBrokers() {
        assertThrows(UserError.class, () -> new KafkaRing(new HostPort("127.0.0.253", 9092), 9093));
    }

    private static Properties properties(KafkaService node) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(node.configuration()));
        return p;
    }
}

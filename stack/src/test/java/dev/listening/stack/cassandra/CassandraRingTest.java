package dev.listening.stack.cassandra;

import dev.listening.contract.UserError;
import dev.listening.stack.net.HostPort;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CassandraRingTest {
    private final CassandraRing ring = new CassandraRing(new HostPort("127.0.0.1", 39042), 39000, 3, "512M");

    @Test
    void nodesListenOnConsecutiveLoopbackAddressesWithTheSamePorts() {
        assertEquals(List.of(new HostPort("127.0.0.1", 39042), new HostPort("127.0.0.2", 39042), new HostPort("127.0.0.3", 39042)),
                ring.cqlAddresses());
        assertEquals("127.0.0.1:39042,127.0.0.2:39042,127.0.0.3:39042", ring.contactPoints());
    }

    @Test
    void everyNodeSeedsFromTheFirstInADirectoryOfItsOwn() {
        List<CassandraService> nodes = ring.services(Path.of("/home"), "datacenter1");

        assertEquals(List.of("cassandra-1", "cassandra-2", "cassandra-3"), nodes.stream().map(CassandraService::name).toList());
        assertEquals(List.of(Path.of("/home/cassandra-1"), Path.of("/home/cassandra-2"), Path.of("/home/cassandra-3")),
                nodes.stream().map(CassandraService::dir).toList());
        for (CassandraService node : nodes) {
            List<String> yaml = node.configuration().lines().map(String::strip).toList();
            assertTrue(yaml.contains("- seeds: \"127.0.0.1:39000\""), yaml.toString());
            assertTrue(yaml.contains("auto_bootstrap: false"), yaml.toString());
            assertTrue(yaml.contains("storage_port: 39000"), yaml.toString());
        }
        assertTrue(nodes.get(1).configuration().contains("listen_address: 127.0.0.2"));
        assertTrue(nodes.get(2).configuration().contains("rpc_address: 127.0.0.3"));
    }

    @Test
    void tokensSplitTheMurmur3RangeEvenly() {
        BigInteger min = BigInteger.TWO.pow(63).negate();
        BigInteger third = BigInteger.TWO.pow(64).divide(BigInteger.valueOf(3));
        assertEquals(min.toString(), CassandraRing.token(0, 3));
        assertEquals(min.add(third).toString(), CassandraRing.token(1, 3));
        assertEquals("3074457345618258602", CassandraRing.token(2, 3));
        assertEquals("0", CassandraRing.token(1, 2));
    }

    @Test
    void nodesGetTheRingsHeapAndTheOneNodeItsGigabyte() {
        assertTrue(ring.services(Path.of("/home"), "dc").get(0).command(Path.of("java"), "cp").options().contains("-Xmx512M"));
        assertTrue(new CassandraConfig(new HostPort("127.0.0.1", 9042), 7000, Path.of("/c")).jvmOptions().contains("-Xmx1G"));
        assertTrue(!new CassandraConfig(new HostPort("127.0.0.1", 9042), 7000, Path.of("/c")).configuration().contains("initial_token"));
    }

    @Test
    void refusesAddressesThatCannotHoldTheRing() {
        assertThrows(UserError.class, () -> new CassandraRing(new HostPort("127.0.0.253", 9042), 7000, 3, "512M"));
        assertThrows(UserError.class, () -> new CassandraRing(new HostPort("127.0.0.1", 9042), 7000, 0, "512M"));
    }
}

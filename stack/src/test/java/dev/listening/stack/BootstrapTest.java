package dev.listening.stack;

import dev.listening.contract.Names;
import dev.listening.contract.UserError;
import dev.listening.cql.Replication;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {
    @Test
    void theDefaultsAreValid() {
        new Bootstrap(Names.TOPIC, 1, Names.KEYSPACE, Replication.simple(1));
    }

    @Test
    void badNamesFailBeforeAnythingStarts() {
        assertThrows(UserError.class, () -> new Bootstrap(Names.TOPIC, 0, Names.KEYSPACE, Replication.simple(1)));
        UserError topic = assertThrows(UserError.class, () -> new Bootstrap("no spaces", 1, Names.KEYSPACE, Replication.simple(1)));
        assertTrue(topic.getMessage().startsWith("topic 'no spaces'"), topic.getMessage());
        assertThrows(UserError.class, () -> new Bootstrap(Names.TOPIC, 1, "Not-A-Keyspace", Replication.simple(1)));
    }

    @Test
    void oneNodeTakesOnePartitionAndOneReplicaUnlessGiven() {
        assertEquals(new Bootstrap("t", 1, "ks", Replication.simple(1)), Bootstrap.oneNode("t", Optional.empty(), "ks", Optional.empty()));
        assertEquals(new Bootstrap("t", 3, "ks", Replication.simple(2)),
                Bootstrap.oneNode("t", Optional.of(3), "ks", Optional.of(Replication.simple(2))));
    }

    @Test
    void aClusterTakesFourPartitionsAndAReplicaOnEveryNodeUnlessGiven() {
        Bootstrap defaults = Bootstrap.cluster("t", Optional.empty(), "ks", Optional.empty(), "dc1", 3);

        assertEquals(4, defaults.partitions());
        assertEquals("{'class': 'NetworkTopologyStrategy', 'dc1': 3}", defaults.replication().toCql());
        assertEquals(new Bootstrap("t", 2, "ks", Replication.simple(1)),
                Bootstrap.cluster("t", Optional.of(2), "ks", Optional.of(Replication.simple(1)), "dc1", 3));
    }
}

package dev.listening.stack;

import dev.listening.contract.Names;
import dev.listening.contract.UserError;
import dev.listening.cql.Replication;
import org.junit.jupiter.api.Test;

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
}

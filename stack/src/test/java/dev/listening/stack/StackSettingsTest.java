package dev.listening.stack;

import dev.listening.contract.UserError;
import dev.listening.stack.net.HostPort;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackSettingsTest {
    private static StackSettings settings(int kafka, int controller, int cassandra, int storage) {
        return new StackSettings(Path.of("/p"), Path.of("/p/.pipeline"), new HostPort("127.0.0.1", kafka), controller,
                new HostPort("127.0.0.1", cassandra), storage, "datacenter1");
    }

    @Test
    void eachServiceGetsItsOwnDirectoryAndPorts() {
        StackSettings s = settings(9092, 9093, 9042, 7000);
        assertEquals(Path.of("/p/.pipeline/kafka"), s.kafkaConfig().dir());
        assertEquals(9093, s.kafkaConfig().controller().port());
        assertEquals(Path.of("/p/.pipeline/cassandra"), s.cassandraConfig().dir());
        assertEquals(7000, s.cassandraConfig().storage().port());
    }

    @Test
    void portsMustDiffer() {
        UserError error = assertThrows(UserError.class, () -> settings(9092, 9092, 9042, 7000));
        assertTrue(error.getMessage().contains("--kafka 9092, --kafka-controller-port 9092"), error.getMessage());
    }

    @Test
    void portsMustBeInRange() {
        assertThrows(UserError.class, () -> settings(9092, 70000, 9042, 7000));
    }
}

package dev.listening.stack.net;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortsTest {
    @Test
    void aListeningPortIsInUseAndRefusedWithOneLineNamingTheOption() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            HostPort taken = new HostPort("127.0.0.1", listener.getLocalPort());
            assertTrue(Ports.inUse(taken));
            assertTrue(Ports.accepting(taken, Duration.ofSeconds(1)));
            UserError error = assertThrows(UserError.class, () -> Ports.requireFree(taken, "kafka", "--kafka or PIPELINE_KAFKA"));
            assertTrue(error.getMessage().startsWith("port " + taken.port() + " (kafka) is already in use"), error.getMessage());
            assertTrue(error.getMessage().endsWith("--kafka or PIPELINE_KAFKA"), error.getMessage());
            assertFalse(error.getMessage().contains("\n"));
        }
    }

    @Test
    void aReleasedPortIsFreeAndRefusesConnections() {
        HostPort free = new HostPort("127.0.0.1", Ports.free(1).get(0));
        assertFalse(Ports.inUse(free));
        assertFalse(Ports.accepting(free, Duration.ofMillis(500)));
        Ports.requireFree(free, "kafka", "--kafka");
    }

    @Test
    void freePortsAreDistinct() {
        List<Integer> ports = Ports.free(4);
        assertEquals(4, new HashSet<>(ports).size());
    }

    @Test
    void portsInARowAreFreeOneAfterAnother() {
        int first = Ports.freeInARow(3);
        for (int port = first; port < first + 3; port++) {
            assertFalse(Ports.inUse(new HostPort("127.0.0.1", port)), "port " + port);
        }
    }
}

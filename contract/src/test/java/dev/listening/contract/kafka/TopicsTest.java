package dev.listening.contract.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

class TopicsTest {
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void noBrokerIsOneClearErrorWithinTheDeadline() throws IOException {
        int port = closedPort();
        long start = System.nanoTime();

        UserError error = assertThrows(UserError.class,
                () -> Topics.ensure("127.0.0.1:" + port, "t", 1, Duration.ofSeconds(2)));

        assertEquals("no Kafka broker answered at 127.0.0.1:" + port + " within 2 s", error.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0);
    }

    @Test
    void aBootstrapThatIsNoAddressIsNamed() {
        UserError error = assertThrows(UserError.class, () -> Topics.ensure("no-port", "t", Duration.ofSeconds(1)));

        assertTrue(error.getMessage().startsWith("invalid --bootstrap 'no-port'"), error.getMessage());
    }
}

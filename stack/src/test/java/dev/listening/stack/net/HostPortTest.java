package dev.listening.stack.net;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostPortTest {
    @Test
    void parsesHostAndPort() {
        assertEquals(new HostPort("127.0.0.1", 9092), HostPort.parse(" 127.0.0.1:9092 "));
        assertEquals("localhost:7000", HostPort.parse("localhost:9042").withPort(7000).toString());
    }

    @Test
    void theFirstOfAListIsItsFirstEndpoint() {
        assertEquals(new HostPort("127.0.0.1", 9042), HostPort.first("127.0.0.1:9042,127.0.0.2:9042,127.0.0.3:9042"));
        assertEquals(new HostPort("127.0.0.2", 9092), HostPort.first("127.0.0.2:9092"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", ":9092", "127.0.0.1:", "host:port", "127.0.0.1:0", "127.0.0.1:65536"})
    void rejectsWhatIsNotHostColonPort(String text) {
        UserError error = assertThrows(UserError.class, () -> HostPort.parse(text));
        assertTrue(error.getMessage().contains("host:port"), error.getMessage());
    }
}

package dev.listening.streamer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listening.contract.UserError;
import dev.listening.contract.kafka.Topics;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

/** The contract's topic helper is compiled against kafka-clients 4.x; the job runs it on Spark's 3.4. */
class TopicsOnSparkKafkaClientsTest {
    @Test
    void runsOnTheKafkaClientsOfSparksKafkaSource() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int closed = port;

        UserError error = assertThrows(UserError.class,
                () -> Topics.ensure("127.0.0.1:" + closed, "t", Duration.ofSeconds(1)));

        assertTrue(AppInfoParser.getVersion().startsWith("3."), AppInfoParser.getVersion());
        assertEquals("no Kafka broker answered at 127.0.0.1:" + closed + " within 1 s", error.getMessage());
    }
}

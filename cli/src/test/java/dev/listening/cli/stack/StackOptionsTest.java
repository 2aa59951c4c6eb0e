package dev.listening.cli.stack;

import dev.listening.contract.UserError;
import dev.listening.cql.Replication;
import dev.listening.stack.StackSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackOptionsTest {
    @Test
    void everyPortAndTheHomeComeFromOptions() {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs("--kafka", "127.0.0.1:19092", "--kafka-controller-port", "19093",
                "--cassandra", "127.0.0.1:19042", "--cassandra-storage-port", "17000", "--home", "/tmp/stack",
                "--replication", "SimpleStrategy:3", "--partitions", "4");
        StackSettings settings = up.stack.settings();
        assertEquals("127.0.0.1:19092", settings.kafka().toString());
        assertEquals(19093, settings.kafkaControllerPort());
        assertEquals("127.0.0.1:19042", settings.cassandra().toString());
        assertEquals(17000, settings.cassandraStoragePort());
        assertEquals("/tmp/stack", settings.home().toString());
        assertEquals(Replication.simple(3), up.replication);
        assertEquals(4, up.partitions);
    }

    @Test
    void theLocalStackHasOneCassandraNode() {
        StatusCommand status = new StatusCommand();
        new CommandLine(status).parseArgs("--cassandra", "127.0.0.1:9042,127.0.0.2:9042");
        UserError error = assertThrows(UserError.class, () -> status.stack.settings());
        assertTrue(error.getMessage().contains("one Cassandra node"), error.getMessage());
    }

    @Test
    void theLocalStackIsGivenItsFirstBrokerOnly() {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs("--cluster", "--kafka", "127.0.0.1:9092,127.0.0.2:9092");
        UserError error = assertThrows(UserError.class, () -> up.stack.settings());
        assertTrue(error.getMessage().contains("takes its first broker"), error.getMessage());
    }

    @Test
    void aBadReplicationIsRejectedWhileParsing() {
        assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(new UpCommand()).parseArgs("--replication", "EverywhereStrategy:9"));
    }
}

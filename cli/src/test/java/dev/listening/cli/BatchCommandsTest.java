package dev.listening.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

class BatchCommandsTest {

    @Test
    void archiveHandsTheDateTheCassandraAndTheDirectoryToTheJob() {
        ArchiveCommand command = new ArchiveCommand();
        new CommandLine(command).parseArgs("--master", "spark://m:7077", "--date", "2025-03-14", "--cassandra", "c:2",
                "--datacenter", "dc2", "--keyspace", "ks", "--out", "/archive");

        assertEquals("spark://m:7077", command.master.master());
        assertEquals(List.of("--date", "2025-03-14", "--cassandra", "c:2", "--datacenter", "dc2", "--keyspace", "ks",
                "--out", "/archive"), command.args());
    }

    @Test
    void rebuildOfOneHourPassesTheHour() {
        RollupsCommand.Rebuild command = new RollupsCommand.Rebuild();
        new CommandLine(command).parseArgs("--date", "2025-03-14", "--hour", "7", "--cassandra", "c:2", "--keyspace", "ks");

        assertEquals(List.of("--date", "2025-03-14", "--cassandra", "c:2", "--datacenter", "datacenter1", "--keyspace", "ks",
                "--hour", "7"), command.batch.args());
    }

    @Test
    void anHourOutsideTheDayIsRejectedBeforeAnyJobStarts() {
        RollupsCommand.Rebuild command = new RollupsCommand.Rebuild();
        new CommandLine(command).parseArgs("--date", "2025-03-14", "--hour", "24");

        assertThrows(UserError.class, command.batch::args);
    }

    @Test
    void theDateIsRequired() {
        assertThrows(CommandLine.MissingParameterException.class,
                () -> new CommandLine(new ArchiveCommand()).parseArgs("--out", "/archive"));
    }
}

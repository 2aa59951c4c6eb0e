package dev.listening.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.listening.contract.CqlFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/** The statements of cql/verify/ ship in the jar and take the values StoredRows binds, by name. */
class StoredRowsTest {
    @Test
    void eachStatementIsOnTheClasspathWithTheMarkersBound() {
        Map<String, List<String>> markers = Map.of(
                StoredRows.HISTORY_PARTITION, List.of("name", "date", "hour"),
                StoredRows.HISTORY_PARTITION_COUNT, List.of("name", "date", "hour"),
                StoredRows.HISTORY_PARTITION_KEYS, List.of(),
                StoredRows.HOUR_ROLLUP, List.of("date", "hour"),
                StoredRows.HOUR_LISTENERS, List.of("date", "hour"),
                StoredRows.DEAD_LETTERS, List.of("topic", "kafka_partition"));

        markers.forEach((file, expected) -> assertEquals(expected, CqlFile.classpath(file).markers(), file));
    }

    @Test
    void theStatementsReadTheKeyspaceVerified() {
        assertEquals("SELECT DISTINCT name, date, hour FROM \"Other\".listening_history",
                CqlFile.classpath(StoredRows.HISTORY_PARTITION_KEYS).inKeyspace("\"Other\"").cql());
    }
}

package dev.listening.cql;

import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.Names;
import dev.listening.contract.RollupColumn;
import dev.listening.contract.SongColumn;
import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaTest {
    private final Schema schema = Schema.load();

    @Test
    void scriptCreatesTheKeyspaceThenTheTablesThenUpgradesAnOlderHistoryTable() {
        List<String> statements = schema.statementsFor(Names.KEYSPACE, Replication.simple(1));
        assertEquals(8, statements.size());
        assertTrue(statements.get(7).startsWith("ALTER TABLE spotify." + Names.HISTORY_TABLE + " ADD IF NOT EXISTS"));
        assertTrue(statements.get(0).startsWith("CREATE KEYSPACE IF NOT EXISTS spotify"));
        assertTrue(statements.get(1).contains("spotify." + Names.HISTORY_TABLE));
        assertTrue(statements.get(2).contains("spotify." + Names.DEAD_LETTER_TABLE));
        assertTrue(statements.get(3).contains("spotify." + Names.LISTENER_HOURLY_TABLE + " "));
        assertTrue(statements.get(4).contains("spotify." + Names.LISTENER_SONG_HOURLY_TABLE + " "));
        assertTrue(statements.get(5).contains("spotify." + Names.BY_HOUR_TABLE + " "));
        assertTrue(statements.get(6).contains("spotify." + Names.LISTENER_DAILY_TABLE + " "));
    }

    @Test
    void rollupTablesHaveTheContractColumns() {
        List<String> statements = schema.statementsFor(Names.KEYSPACE, Replication.simple(1));
        List<String> averages = RollupColumn.AVERAGED.stream().map(RollupColumn::average).toList();
        List<String> sums = RollupColumn.AVERAGED.stream().map(RollupColumn::sum).toList();
        String listenerHourly = statements.get(3);
        String listenerSongHourly = statements.get(4);
        String byHour = statements.get(5);
        String daily = statements.get(6);
        assertHasDoubles(listenerHourly, sums);
        assertHasDoubles(byHour, averages);
        assertHasDoubles(daily, averages);
        for (String table : List.of(listenerHourly, byHour, daily)) {
            assertTrue(table.contains(RollupColumn.PLAYS + " "));
            assertTrue(table.contains(RollupColumn.PLAYS_WITH_FEATURES + " "));
        }
        assertTrue(listenerHourly.contains(RollupColumn.SUM_DURATION_MS + " "));
        assertTrue(listenerSongHourly.contains(RollupColumn.PLAYS + " "));
        assertTrue(byHour.contains(RollupColumn.LISTENERS + " "));
        assertTrue(byHour.contains(RollupColumn.SONG_PLAYS + " "));
        assertTrue(daily.contains(RollupColumn.MINUTES_LISTENED + " "));
    }

    private static void assertHasDoubles(String table, List<String> columns) {
        for (String column : columns) {
            assertTrue(table.matches("(?s).*\\n\\s*" + column + "\\s+double.*"), column);
        }
    }

    @Test
    void keyspaceAndReplicationAreSwappedEverywhere() {
        List<String> statements = schema.statementsFor("it_ks_7", Replication.parse("NetworkTopologyStrategy:dc1=3"));
        statements.forEach(s -> assertFalse(s.matches("(?s).*\\bspotify\\b.*"), s));
        assertTrue(statements.get(0).contains("{'class': 'NetworkTopologyStrategy', 'dc1': 3}"));
        assertTrue(statements.get(1).contains("it_ks_7." + Names.HISTORY_TABLE));
    }

    @Test
    void historyTableHasEveryContractColumn() {
        String history = schema.statementsFor(Names.KEYSPACE, Replication.simple(1)).get(1);
        for (EventField field : EventField.values()) {
            assertTrue(history.matches("(?s).*\\n\\s*" + field.jsonName() + "\\s+\\w+,.*"), field.jsonName());
        }
        for (SongColumn column : SongColumn.values()) {
            assertTrue(history.matches("(?s).*\\n\\s*" + column.column() + "\\s+\\w+,.*"), column.column());
        }
        assertTrue(history.matches("(?s).*\\n\\s*" + HistoryColumn.SKIPPED + "\\s+int,.*"));
        assertTrue(history.contains("PRIMARY KEY ((name, " + HistoryColumn.DATE + ", " + HistoryColumn.HOUR + "), ts, event_id)"));
    }

    @Test
    void aKeyspaceNameThatIsNotAnIdentifierIsRefused() {
        assertThrows(UserError.class, () -> schema.statementsFor("x; DROP KEYSPACE spotify", Replication.simple(1)));
    }

    @Test
    void replicationTextIsValidated() {
        assertEquals("{'class': 'SimpleStrategy', 'replication_factor': 3}", Replication.parse("SimpleStrategy:3").toCql());
        assertThrows(UserError.class, () -> Replication.parse("SimpleStrategy:0"));
        assertThrows(UserError.class, () -> Replication.parse("EverywhereStrategy:1"));
        assertThrows(UserError.class, () -> Replication.parse("NetworkTopologyStrategy:dc1"));
    }
}

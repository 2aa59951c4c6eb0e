package dev.listening.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CqlFileTest {
    @Test
    void literalsReplaceTheMarkersQuotedAndNothingInsideStrings() {
        CqlFile file = CqlFile.parse("t.cql", "ALTER ROLE :role WITH PASSWORD = :password AND OPTIONS = {'k': ':role'}");
        assertEquals("ALTER ROLE 'pipe''line' WITH PASSWORD = 'x'' OR ''1' AND OPTIONS = {'k': ':role'}",
                file.withLiterals(Map.of("role", "pipe'line", "password", "x' OR '1")));
    }

    @Test
    void everyMarkerNeedsALiteral() {
        CqlFile file = CqlFile.parse("t.cql", "ALTER ROLE :role WITH PASSWORD = :password");
        assertThrows(IllegalArgumentException.class, () -> file.withLiterals(Map.of("role", "pipeline")));
    }

    @Test
    void onlyTheKeyspaceQualifierIsSwappedNotStringsOrOtherNames() {
        CqlFile file = CqlFile.parse("t.cql",
                "SELECT myspotify.f(x) FROM SPOTIFY.listening_history WHERE a = 'spotify.x' AND b = :name -- spotify.y");
        assertEquals("SELECT myspotify.f(x) FROM it_7.listening_history WHERE a = 'spotify.x' AND b = :name",
                file.inKeyspace("it_7").cql());
        assertEquals(List.of("name"), file.inKeyspace("it_7").markers());
    }

    @Test
    void theKeyspaceIsSwappedWhereItStandsAloneButNotInOtherNames() {
        assertEquals("DROP KEYSPACE IF EXISTS it_7", CqlFile.parse("t.cql", "DROP KEYSPACE IF EXISTS spotify;").inKeyspace("it_7").cql());
        assertEquals("SELECT spotify_id, x.spotify FROM it_7.t WHERE a = :spotify",
                CqlFile.parse("t.cql", "SELECT spotify_id, x.spotify FROM spotify.t WHERE a = :spotify").inKeyspace("it_7").cql());
    }

    @Test
    void commentsGoAndTheClosingSemicolonToo() {
        CqlFile file = CqlFile.parse("t.cql", """
                -- a comment with :ignored and ; and ?
                // another
                SELECT * /* block :x ; */ FROM t
                WHERE a = :name; -- trailing
                """);
        assertEquals("SELECT *   FROM t\nWHERE a = :name", file.cql());
        assertEquals(List.of("name"), file.markers());
        assertEquals("SELECT * FROM t WHERE a = :name", file.oneLine());
    }

    @Test
    void stringsAndQuotedNamesAreKeptAsTheyAre() {
        CqlFile file = CqlFile.parse("t.cql",
                "SELECT \"odd;--name\" FROM t WHERE a = 'it''s -- :not ; a marker?' AND b = $$:no;$$ AND c = :Hour");
        assertEquals("SELECT \"odd;--name\" FROM t WHERE a = 'it''s -- :not ; a marker?' AND b = $$:no;$$ AND c = :Hour", file.cql());
        assertEquals(List.of("hour"), file.markers(), "markers are lower-cased like unquoted CQL names");
    }

    @Test
    void aMarkerUsedTwiceIsListedOnce() {
        assertEquals(List.of("date", "name"), CqlFile.parse("t", "SELECT * FROM t WHERE d = :date AND n = :name AND e = :date").markers());
    }

    @Test
    void positionalMarkersAreRefused() {
        UserError e = assertThrows(UserError.class, () -> CqlFile.parse("t.cql", "SELECT * FROM t WHERE a = ?"));
        assertTrue(e.getMessage().startsWith("t.cql: uses a ? marker"), e.getMessage());
    }

    @Test
    void aFileHoldsExactlyOneStatement() {
        assertThrows(UserError.class, () -> CqlFile.parse("t.cql", "SELECT * FROM t; DROP TABLE t;"));
        assertThrows(UserError.class, () -> CqlFile.parse("t.cql", "-- only a comment\n;"));
    }

    @Test
    void unterminatedStringsAndCommentsAreReported() {
        assertThrows(UserError.class, () -> CqlFile.parse("t.cql", "SELECT * FROM t WHERE a = 'oops"));
        assertThrows(UserError.class, () -> CqlFile.parse("t.cql", "SELECT * FROM t /* oops"));
        assertThrows(UserError.class, () -> CqlFile.parse("t.cql", "SELECT \"oops FROM t"));
    }
}

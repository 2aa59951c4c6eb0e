package dev.listening.cql.query;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryFileTest {
    @Test
    void shippedQueriesUseTheMarkersTheirNamesPromise() {
        assertEquals(List.of(), NamedQuery.SAMPLE.load().markers());
        assertEquals(List.of("name", "date", "hour"), NamedQuery.SONGS.load().markers());
        assertEquals(List.of("name", "date", "hour"), NamedQuery.AVERAGES.load().markers());
        assertEquals(List.of(), NamedQuery.PARTITIONS.load().markers());
    }

    @Test
    void shippedQueriesNameTheDefaultKeyspaceLikeTheSchema() {
        for (NamedQuery query : NamedQuery.values()) {
            String cql = query.load().cql();
            assertTrue(cql.contains("FROM spotify.listening_history"), cql);
            assertTrue(query.load().inKeyspace("it_7").cql().contains("FROM it_7.listening_history"), cql);
        }
    }

    @Test
    void onlyTheKeyspaceQualifierIsSwappedNotStringsOrOtherNames() {
        QueryFile file = QueryFile.parse("t.cql",
                "SELECT myspotify.f(x) FROM SPOTIFY.listening_history WHERE a = 'spotify.x' AND b = :name -- spotify.y");
        assertEquals("SELECT myspotify.f(x) FROM it_7.listening_history WHERE a = 'spotify.x' AND b = :name",
                file.inKeyspace("it_7").cql());
        assertEquals(List.of("name"), file.inKeyspace("it_7").markers());
    }

    @Test
    void commentsGoAndTheClosingSemicolonToo() {
        QueryFile file = QueryFile.parse("t.cql", """
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
        QueryFile file = QueryFile.parse("t.cql",
                "SELECT \"odd;--name\" FROM t WHERE a = 'it''s -- :not ; a marker?' AND b = $$:no;$$ AND c = :Hour");
        assertEquals("SELECT \"odd;--name\" FROM t WHERE a = 'it''s -- :not ; a marker?' AND b = $$:no;$$ AND c = :Hour", file.cql());
        assertEquals(List.of("hour"), file.markers(), "markers are lower-cased like unquoted CQL names");
    }

    @Test
    void aMarkerUsedTwiceIsListedOnce() {
        assertEquals(List.of("date", "name"), QueryFile.parse("t", "SELECT * FROM t WHERE d = :date AND n = :name AND e = :date").markers());
    }

    @Test
    void positionalMarkersAreRefused() {
        UserError e = assertThrows(UserError.class, () -> QueryFile.parse("t.cql", "SELECT * FROM t WHERE a = ?"));
        assertTrue(e.getMessage().startsWith("t.cql: uses a ? marker"), e.getMessage());
    }

    @Test
    void aFileHoldsExactlyOneStatement() {
        assertThrows(UserError.class, () -> QueryFile.parse("t.cql", "SELECT * FROM t; DROP TABLE t;"));
        assertThrows(UserError.class, () -> QueryFile.parse("t.cql", "-- only a comment\n;"));
    }

    @Test
    void unterminatedStringsAndCommentsAreReported() {
        assertThrows(UserError.class, () -> QueryFile.parse("t.cql", "SELECT * FROM t WHERE a = 'oops"));
        assertThrows(UserError.class, () -> QueryFile.parse("t.cql", "SELECT * FROM t /* oops"));
        assertThrows(UserError.class, () -> QueryFile.parse("t.cql", "SELECT \"oops FROM t"));
    }
}

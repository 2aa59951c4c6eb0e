package dev.listening.cql.query;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryRequestTest {
    private static final QueryParameters ALL = QueryParameters.parse("ann", "2024-05-01", "13");

    @Test
    void namedQueriesWriteTheAssignmentsFiles() {
        assertEquals("output_full", QueryRequest.of("sample", null, QueryParameters.NONE).outputName());
        assertEquals("output_simple", QueryRequest.of("songs", null, ALL).outputName());
        assertEquals("output_agg", QueryRequest.of("averages", null, ALL).outputName());
    }

    @Test
    void withoutValuesTheMostRecentPartitionIsUsed() {
        assertTrue(QueryRequest.of("songs", null, QueryParameters.NONE).picksMostRecent());
        assertFalse(QueryRequest.of("songs", null, ALL).picksMostRecent());
        assertFalse(QueryRequest.of("sample", null, QueryParameters.NONE).picksMostRecent(), "sample needs no value");
    }

    @Test
    void someButNotAllValuesIsAnError() {
        UserError e = assertThrows(UserError.class,
                () -> QueryRequest.of("averages", null, QueryParameters.parse("ann", "2024-05-01", null)));
        assertEquals("averages needs --user, --date and --hour together, or none of them for the most recent present", e.getMessage());
    }

    @Test
    void valuesAQueryDoesNotUseAreAnError() {
        UserError e = assertThrows(UserError.class, () -> QueryRequest.of("sample", null, QueryParameters.parse("ann", null, "3")));
        assertEquals("sample does not take --user or --hour", e.getMessage());
    }

    @Test
    void anUnknownQueryNamesTheKnownOnes() {
        UserError e = assertThrows(UserError.class, () -> QueryRequest.of("top10", null, QueryParameters.NONE));
        assertEquals("unknown query 'top10': expected sample, songs, averages or partitions, or --file FILE.cql", e.getMessage());
    }

    @Test
    void exactlyOneOfQueryAndFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.cql"), "SELECT * FROM listening_history");
        assertThrows(UserError.class, () -> QueryRequest.of(null, null, QueryParameters.NONE));
        assertThrows(UserError.class, () -> QueryRequest.of("sample", file, QueryParameters.NONE));
    }

    @Test
    void aFileNamesItsOutputAfterItself(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("by_hour.cql"), "SELECT * FROM listening_history WHERE name = :name AND date = :date AND hour = :hour");
        QueryRequest request = QueryRequest.of(null, file, ALL);
        assertEquals("output_by_hour", request.outputName());
        assertEquals("by_hour.cql", request.name());
        assertEquals(EnumSet.allOf(Marker.class), request.markers());
    }

    @Test
    void aFileWithAMarkerWeCannotFillIsRefusedBeforeConnecting(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.cql"), "SELECT * FROM listening_history WHERE name = :user");
        UserError e = assertThrows(UserError.class, () -> QueryRequest.of(null, file, QueryParameters.NONE));
        assertTrue(e.getMessage().endsWith("x.cql: unknown marker :user; a query may use :name, :date, :hour"), e.getMessage());
    }

    @Test
    void aMissingFileIsOneLine(@TempDir Path dir) {
        UserError e = assertThrows(UserError.class, () -> QueryRequest.of(null, dir.resolve("nope.cql"), QueryParameters.NONE));
        assertTrue(e.getMessage().startsWith("cannot read "), e.getMessage());
    }
}

package dev.listening.dashboard.store;

import dev.listening.cql.query.Marker;
import dev.listening.cql.query.NamedQuery;
import dev.listening.cql.query.QueryParameters;
import dev.listening.cql.query.QueryRequest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class StoreWatchTest {
    private static final QueryParameters GIVEN = QueryParameters.parse("Zoë O'Connor", "2024-05-01", "13");

    @Test
    void theListenerPageRunsTheCliQueriesWithTheValuesEachTakes() {
        assertEquals(Set.of(), StoreWatch.request(NamedQuery.SAMPLE, GIVEN).given().given());
        for (NamedQuery query : new NamedQuery[] {NamedQuery.SONGS, NamedQuery.AVERAGES}) {
            QueryRequest request = StoreWatch.request(query, GIVEN);
            assertEquals(QueryRequest.named(query, GIVEN), request);
            assertFalse(request.picksMostRecent(), "a listener page never falls back to the most recent hour");
            assertEquals("Zoë O'Connor", request.given().value(Marker.NAME));
            assertEquals(LocalDate.of(2024, 5, 1), request.given().value(Marker.DATE));
        }
    }
}

package dev.listening.cql.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamedQueryTest {
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
}

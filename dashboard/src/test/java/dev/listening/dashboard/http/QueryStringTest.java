package dev.listening.dashboard.http;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryStringTest {
    @Test
    void decodesUtf8QuotesAndPlusSigns() {
        // what the page's URLSearchParams sends for O'Connor, Zoë "x"; -- and a + in a name
        Map<String, String> values = QueryString.parse("name=Zo%C3%AB+%22x%22%3B+--&date=2024-05-01&hour=13&other=O%27C%2B");
        assertEquals("Zoë \"x\"; --", values.get("name"));
        assertEquals("2024-05-01", values.get("date"));
        assertEquals("13", values.get("hour"));
        assertEquals("O'C+", values.get("other"));
    }

    @Test
    void noQueryNoValuesAndTheFirstOfARepeatedNameWins() {
        assertEquals(Map.of(), QueryString.parse(null));
        assertEquals(Map.of("a", "1", "b", ""), QueryString.parse("a=1&a=2&b"));
    }
}

package dev.listening.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.time.Duration;

class IntervalTest {
    @Test
    void readsTheUnitsPeopleWrite() {
        assertEquals(Duration.ofMillis(500), Interval.parse("500ms"));
        assertEquals(Duration.ofSeconds(1), Interval.parse("1s"));
        assertEquals(Duration.ofSeconds(30), Interval.parse(" 30s "));
        assertEquals(Duration.ofMinutes(10), Interval.parse("10m"));
        assertEquals(Duration.ofHours(2), Interval.parse("2h"));
        assertEquals(Duration.ZERO, Interval.parse("0"));
    }

    @Test
    void rejectsAnythingElseWithTheExpectedFormat() {
        UserError e = assertThrows(UserError.class, () -> Interval.parse("30 seconds"));
        assertEquals("'30 seconds' is not a duration like 500ms, 1s, 30s, 5m or 1h", e.getMessage());
        assertThrows(UserError.class, () -> Interval.parse("-1s"));
        assertThrows(UserError.class, () -> Interval.parse("1d"));
        assertThrows(UserError.class, () -> Interval.parse("5"));
    }

    @Test
    void formatsBackAsItWasWritten() {
        for (String text : new String[] {"500ms", "1s", "30s", "90s", "10m", "2h", "0s"}) {
            assertEquals(text, Interval.format(Interval.parse(text)));
        }
    }
}

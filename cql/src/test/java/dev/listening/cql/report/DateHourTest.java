package dev.listening.cql.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

class DateHourTest {
    private static final LocalDate DAY = LocalDate.parse("2025-03-14");

    @Test
    void aRangeIsEveryHourOfEveryDayBothEndsIncluded() {
        List<DateHour> hours = DateHour.allOf(DAY, DAY.plusDays(2));

        assertEquals(72, hours.size());
        assertEquals(new DateHour(DAY, 0), hours.get(0));
        assertEquals(new DateHour(DAY.plusDays(2), 23), hours.get(71));
        assertEquals(24, DateHour.allOf(DAY, DAY).size());
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        UserError error = assertThrows(UserError.class, () -> DateHour.allOf(DAY, DAY.minusDays(1)));
        assertEquals("--to 2025-03-13 is before --from 2025-03-14", error.getMessage());
    }

    @Test
    void anHourOutsideTheDayIsRefused() {
        assertThrows(UserError.class, () -> new DateHour(DAY, 24));
        assertThrows(UserError.class, () -> new DateHour(DAY, -1));
    }
}

package dev.listening.cql.query;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParametersTest {
    @Test
    void valuesAreTypedForBinding() {
        QueryParameters parameters = QueryParameters.parse("O'Connor", "2024-02-29", "7");
        assertEquals("O'Connor", parameters.value(Marker.NAME));
        assertEquals(LocalDate.of(2024, 2, 29), parameters.value(Marker.DATE));
        assertEquals(7, parameters.value(Marker.HOUR));
    }

    @Test
    void aNameIsDataEvenWhenItLooksLikeCql() {
        String name = " \"; DROP TABLE listening_history; -- ";
        assertEquals(name, QueryParameters.parse(name, null, null).value(Marker.NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2023-02-29", "01/05/2024", "2024-5-1", "today", ""})
    void aDateThatIsNotAnIsoDayIsRefused(String date) {
        UserError e = assertThrows(UserError.class, () -> QueryParameters.parse(null, date, null));
        assertEquals("--date '" + date + "' is not a date (YYYY-MM-DD)", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "24", "99", "seven", "1.5", ""})
    void anHourOutsideTheDayIsRefused(String hour) {
        UserError e = assertThrows(UserError.class, () -> QueryParameters.parse(null, null, hour));
        assertEquals("--hour '" + hour + "' is not an hour of the day (0-23)", e.getMessage());
    }

    @Test
    void bothEndsOfTheDayAreHours() {
        assertEquals(0, QueryParameters.parse(null, null, "0").value(Marker.HOUR));
        assertEquals(23, QueryParameters.parse(null, null, "23").value(Marker.HOUR));
    }

    @Test
    void anEmptyUserIsRefused() {
        assertThrows(UserError.class, () -> QueryParameters.parse("", null, null));
    }

    @Test
    void describedAsCqlLiterals() {
        assertEquals("name = 'O''Connor', date = '2024-05-01', hour = 13",
                QueryParameters.of(new Partition("O'Connor", LocalDate.of(2024, 5, 1), 13)).describe());
        assertEquals("none", QueryParameters.NONE.describe());
    }

    @Test
    void onlyKeepsTheMarkersAQueryUses() {
        QueryParameters all = QueryParameters.of(new Partition("a", LocalDate.of(2024, 5, 1), 13));
        Set<Marker> kept = all.only(EnumSet.of(Marker.HOUR)).given();
        assertEquals(EnumSet.of(Marker.HOUR), kept);
        assertTrue(QueryParameters.NONE.isEmpty());
    }
}

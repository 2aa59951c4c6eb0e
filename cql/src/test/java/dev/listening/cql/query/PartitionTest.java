package dev.listening.cql.query;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PartitionTest {
    private static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
    private static final LocalDate MAY_2 = LocalDate.of(2024, 5, 2);

    @Test
    void laterDayWinsOverLaterHour() {
        assertEquals(Optional.of(new Partition("b", MAY_2, 0)),
                Partition.mostRecent(List.of(new Partition("a", MAY_1, 23), new Partition("b", MAY_2, 0))));
    }

    @Test
    void laterHourWinsOnTheSameDay() {
        assertEquals(Optional.of(new Partition("a", MAY_1, 10)),
                Partition.mostRecent(List.of(new Partition("a", MAY_1, 10), new Partition("b", MAY_1, 9))));
    }

    @Test
    void inTheSameHourTheAlphabeticallyFirstNameWinsWhateverTheOrder() {
        List<Partition> hour = List.of(new Partition("zoë", MAY_1, 5), new Partition("Ann", MAY_1, 5), new Partition("bob", MAY_1, 5));
        assertEquals("Ann", Partition.mostRecent(hour).orElseThrow().name());
        List<Partition> reversed = new ArrayList<>(hour);
        Collections.reverse(reversed);
        assertEquals("Ann", Partition.mostRecent(reversed).orElseThrow().name());
    }

    @Test
    void noPartitionNoAnswer() {
        assertEquals(Optional.empty(), Partition.mostRecent(List.of()));
    }
}

package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import java.util.List;

class PercentilesTest {
    @Test
    void nearestRankOfOneToHundred() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i;
        }
        Percentiles p = Percentiles.of(values);

        assertEquals(50, p.at(50));
        assertEquals(99, p.at(99));
        assertEquals(100, p.at(100));
        assertEquals(1, p.at(0));
    }

    @Test
    void fewValuesRoundUp() {
        Percentiles p = Percentiles.of(new long[] {300, 100, 200});

        assertEquals(200, p.at(50));
        assertEquals(300, p.at(99));
    }

    @Test
    void largeValuesAreKeptWithinATenthOfAPercent() {
        Percentiles p = Percentiles.of(new long[] {1_000_000, 2_000_000, 3_000_000});

        assertEquals(2_000_000, p.at(50), 2_000);
        assertEquals(3_000_000, p.at(100), 3_000);
    }

    @Test
    void countsGroupEqualValuesSmallestFirst() {
        Percentiles p = Percentiles.of(new long[] {7, 3, 7, 7, 3, 12});

        assertEquals(6, p.count());
        assertEquals(List.of(new Percentiles.Count(3, 2), new Percentiles.Count(7, 3), new Percentiles.Count(12, 1)), p.counts());
    }

    @Test
    void noValuesIsAnError() {
        assertThrows(IllegalStateException.class, () -> Percentiles.of(new long[0]).at(50));
    }
}

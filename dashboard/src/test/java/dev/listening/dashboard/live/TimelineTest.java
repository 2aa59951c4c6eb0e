package dev.listening.dashboard.live;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimelineTest {
    private static Sample at(long millis, Double produced) {
        return new Sample(millis, produced, 2.0, 3L, 4.0, 5.0, 6.0, 7L, null);
    }

    @Test
    void keepsTheNewestSamplesOldestFirst() {
        Timeline timeline = new Timeline(2);
        timeline.add(at(1000, 1.0));
        timeline.add(at(2000, 2.0));
        timeline.add(at(3000, 3.0));
        assertEquals(List.of(at(2000, 2.0), at(3000, 3.0)), timeline.samples());
    }

    @Test
    void columnsHaveEpochSecondsAndKeepGapsAsNulls() {
        Map<String, List<Object>> columns = Timeline.columns(List.of(at(1500, null), at(2500, 9.0)));
        assertEquals(List.of(1.5, 2.5), columns.get("time"));
        assertEquals(Arrays.asList(null, 9.0), columns.get("produced_per_second"));
        assertEquals(Arrays.asList(null, null), columns.get("join_misses"));
        assertEquals(List.of(7L, 7L), columns.get("dead_letters"));
        assertEquals(9, columns.size());
    }
}

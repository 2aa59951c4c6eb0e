package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

class FaultPlanTest {
    private static final List<Fault> KINDS = List.of(Fault.values());
    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(4);

    @Test
    void everyKindComesEquallyOftenWhenTheCountAllows() {
        FaultPlan plan = FaultPlan.draw(KINDS, 18, MIN, MAX, 7);

        assertEquals(18, plan.steps().size());
        for (Fault fault : Fault.values()) {
            assertEquals(6, plan.count(fault), fault.name());
        }
    }

    @Test
    void aCountThatDoesNotDivideGivesEachKindItsShareAtLeast() {
        FaultPlan plan = FaultPlan.draw(KINDS, 7, MIN, MAX, 7);

        assertEquals(3, plan.count(Fault.STREAMER));
        assertEquals(2, plan.count(Fault.CASSANDRA));
        assertEquals(2, plan.count(Fault.KAFKA));
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        assertEquals(FaultPlan.draw(KINDS, 18, MIN, MAX, 7), FaultPlan.draw(KINDS, 18, MIN, MAX, 7));
        assertNotEquals(FaultPlan.draw(KINDS, 18, MIN, MAX, 7), FaultPlan.draw(KINDS, 18, MIN, MAX, 8));
    }

    @Test
    void pausesStayWithinTheirBoundsAndVary() {
        FaultPlan plan = FaultPlan.draw(KINDS, 100, MIN, MAX, 3);

        assertTrue(plan.steps().stream().allMatch(s -> s.pause().compareTo(MIN) >= 0 && s.pause().compareTo(MAX) <= 0));
        assertTrue(plan.steps().stream().map(FaultPlan.Step::pause).distinct().count() > 10);
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                FaultPlan.draw(KINDS, 2, Duration.ofSeconds(2), Duration.ofSeconds(2), 1).steps().stream()
                        .map(FaultPlan.Step::pause).toList());
    }

    @Test
    void badBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.draw(KINDS, 3, MAX, MIN, 1));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.draw(List.of(), 3, MIN, MAX, 1));
    }
}

package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

class FaultPlanTest {
    private static final FaultTargets ONE_NODE = FaultTargets.oneNode();
    private static final FaultTargets CLUSTER = FaultTargets.cluster(3, 1);
    private static final Duration MIN = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(4);

    @Test
    void everyKindComesEquallyOftenWhenTheCountAllows() {
        FaultPlan plan = FaultPlan.draw(ONE_NODE, 18, MIN, MAX, 7);

        assertEquals(18, plan.steps().size());
        for (Fault fault : ONE_NODE.kinds()) {
            assertEquals(6, plan.count(fault), fault.name());
        }
    }

    @Test
    void aCountThatDoesNotDivideGivesEachKindItsShareAtLeast() {
        FaultPlan plan = FaultPlan.draw(ONE_NODE, 7, MIN, MAX, 7);

        assertEquals(3, plan.count(Fault.STREAMER));
        assertEquals(2, plan.count(Fault.CASSANDRA));
        assertEquals(2, plan.count(Fault.KAFKA));
    }

    @Test
    void theOneNodeStackOffersTheJobTheNodeAndTheBrokerOnly() {
        FaultPlan plan = FaultPlan.draw(ONE_NODE, 100, MIN, MAX, 5);

        assertEquals(Set.of(Fault.STREAMER, Fault.CASSANDRA, Fault.KAFKA), kinds(plan));
        assertEquals(Map.of(Fault.STREAMER, Set.of(Optional.empty()), Fault.CASSANDRA, Set.of(Optional.of("cassandra")),
                Fault.KAFKA, Set.of(Optional.of("kafka"))), servicesByKind(plan));
    }

    @Test
    void aClusterAddsTheOtherRingNodesAndTheWorkerItsFirstNodeStandsForCassandraAndAnyBrokerForKafka() {
        FaultPlan plan = FaultPlan.draw(CLUSTER, 100, MIN, MAX, 5);

        assertEquals(List.of(Fault.STREAMER, Fault.CASSANDRA, Fault.KAFKA, Fault.RING_NODE, Fault.SPARK_WORKER), CLUSTER.kinds());
        for (Fault fault : CLUSTER.kinds()) {
            assertEquals(20, plan.count(fault), fault.name());
        }
        assertEquals(Map.of(Fault.STREAMER, Set.of(Optional.empty()), Fault.CASSANDRA, Set.of(Optional.of("cassandra-1")),
                Fault.KAFKA, Set.of(Optional.of("kafka-1"), Optional.of("kafka-2"), Optional.of("kafka-3")),
                Fault.RING_NODE, Set.of(Optional.of("cassandra-2"), Optional.of("cassandra-3")),
                Fault.SPARK_WORKER, Set.of(Optional.of("spark-worker-1"))), servicesByKind(plan));
    }

    @Test
    void aRingOfOneNodeHasNoOtherNodeToKill() {
        assertEquals(List.of(Fault.STREAMER, Fault.CASSANDRA, Fault.KAFKA, Fault.SPARK_WORKER), FaultTargets.cluster(1, 2).kinds());
        assertEquals(List.of("spark-worker-1", "spark-worker-2"), FaultTargets.cluster(1, 2).of(Fault.SPARK_WORKER));
    }

    @Test
    void theSameSeedGivesTheSamePlanAndAnotherSeedAnother() {
        assertEquals(FaultPlan.draw(ONE_NODE, 18, MIN, MAX, 7), FaultPlan.draw(ONE_NODE, 18, MIN, MAX, 7));
        assertNotEquals(FaultPlan.draw(ONE_NODE, 18, MIN, MAX, 7), FaultPlan.draw(ONE_NODE, 18, MIN, MAX, 8));
        assertEquals(FaultPlan.draw(CLUSTER, 10, MIN, MAX, 7), FaultPlan.draw(CLUSTER, 10, MIN, MAX, 7));
        assertNotEquals(FaultPlan.draw(CLUSTER, 10, MIN, MAX, 7), FaultPlan.draw(CLUSTER, 10, MIN, MAX, 8));
    }

    @Test
    void pausesStayWithinTheirBoundsAndVary() {
        FaultPlan plan = FaultPlan.draw(ONE_NODE, 100, MIN, MAX, 3);

        assertTrue(plan.steps().stream().allMatch(s -> s.pause().compareTo(MIN) >= 0 && s.pause().compareTo(MAX) <= 0));
        assertTrue(plan.steps().stream().map(FaultPlan.Step::pause).distinct().count() > 10);
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                FaultPlan.draw(ONE_NODE, 2, Duration.ofSeconds(2), Duration.ofSeconds(2), 1).steps().stream()
                        .map(FaultPlan.Step::pause).toList());
    }

    @Test
    void badBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.draw(ONE_NODE, 3, MAX, MIN, 1));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.draw(new FaultTargets(Map.of()), 3, MIN, MAX, 1));
    }

    private static Set<Fault> kinds(FaultPlan plan) {
        return plan.steps().stream().map(FaultPlan.Step::fault).collect(Collectors.toSet());
    }

    private static Map<Fault, Set<Optional<String>>> servicesByKind(FaultPlan plan) {
        return plan.steps().stream().collect(Collectors.groupingBy(FaultPlan.Step::fault,
                Collectors.mapping(FaultPlan.Step::service, Collectors.toSet())));
    }
}

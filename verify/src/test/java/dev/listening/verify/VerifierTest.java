package dev.listening.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

class VerifierTest {
    @Test
    void theRangeStartsAtFromAndEndsBeforeToAndAPartitionNotGivenIsWhole() {
        Map<Integer, Long> from = Map.of(0, 2L);
        Map<Integer, Long> to = Map.of(0, 4L, 1, 1L);

        assertEquals(List.of(2L, 3L), offsetsInRange(0, from, to));
        assertEquals(List.of(0L), offsetsInRange(1, from, to));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), offsetsInRange(2, from, to));
    }

    private static List<Long> offsetsInRange(int partition, Map<Integer, Long> from, Map<Integer, Long> to) {
        return LongStream.range(0, 6).filter(o -> Verifier.inRange(new RecordRef(partition, o, null, null), from, to)).boxed().toList();
    }
}

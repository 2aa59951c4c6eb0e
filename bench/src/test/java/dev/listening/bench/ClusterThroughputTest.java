package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

class ClusterThroughputTest {
    private static ClusterThroughput.Settings settings(List<Integer> partitions) {
        Path here = Path.of(".");
        return new ClusterThroughput.Settings("k:1", 9093, "c:1", 3, 7000, "dc1", here, here, here, 4000, 1000, 1000, partitions,
                "spark://m:7077", "512m", here);
    }

    @Test
    void partitionCountsRunFewestFirstOnceEach() {
        assertEquals(List.of(1, 2, 4), settings(List.of(4, 1, 2, 4)).partitions());
    }

    @Test
    void aTopicNeedsAPartition() {
        assertThrows(UserError.class, () -> settings(List.of(0, 2)));
        assertThrows(UserError.class, () -> settings(List.of()));
    }
}

package dev.listening.stack.kafka;

import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClusterIdTest {
    @Test
    void nodesFormattedAtOnceAllGetTheFirstId(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kafka-1").resolve("cluster.id");
        List<CompletableFuture<String>> nodes = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> ClusterId.ensure(file))).toList();

        List<String> ids = nodes.stream().map(CompletableFuture::join).distinct().toList();
        assertEquals(1, ids.size(), ids.toString());
        assertEquals(ids.get(0), Files.readString(file).strip());
        assertEquals(ids.get(0), Uuid.fromString(ids.get(0)).toString());
        assertEquals(List.of(file), Files.list(file.getParent()).toList(), "no candidate file left behind");
    }

    @Test
    void anotherClusterGetsAnotherId(@TempDir Path dir) {
        assertNotEquals(ClusterId.ensure(dir.resolve("a")), ClusterId.ensure(dir.resolve("b")));
    }
}

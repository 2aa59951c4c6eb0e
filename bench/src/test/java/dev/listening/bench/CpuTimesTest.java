package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.listening.stack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

class CpuTimesTest {
    @Test
    void servicesAreGroupedByWhatTheyDo() {
        assertEquals(CpuTimes.KAFKA, CpuTimes.role("kafka"));
        assertEquals(CpuTimes.KAFKA, CpuTimes.role("kafka-2"));
        assertEquals(CpuTimes.CASSANDRA, CpuTimes.role("cassandra"));
        assertEquals(CpuTimes.CASSANDRA, CpuTimes.role("cassandra-3"));
        assertEquals(CpuTimes.DAEMONS, CpuTimes.role("spark-master"));
        assertEquals(CpuTimes.DAEMONS, CpuTimes.role("spark-worker-1"));
    }

    @Test
    void theCostIsTheCpuUsedInBetweenPerHundredThousandEvents() {
        CpuTimes before = new CpuTimes(Map.of(CpuTimes.KAFKA, Duration.ofSeconds(10)));
        CpuTimes after = new CpuTimes(Map.of(CpuTimes.KAFKA, Duration.ofSeconds(13), CpuTimes.DRIVER, Duration.ofSeconds(2)));

        CpuTimes used = after.since(before);

        assertEquals(Optional.of(6.0), used.secondsPer100k(CpuTimes.KAFKA, 50_000));
        assertEquals(Optional.of(4.0), used.secondsPer100k(CpuTimes.DRIVER, 50_000), "a process new since counts from zero");
        assertEquals(Optional.empty(), used.secondsPer100k(CpuTimes.CASSANDRA, 50_000), "not measured is not zero");
    }

    @Test
    void aServiceIsFoundByItsPidFileAndThisJvmIsTheProducer(@TempDir Path home) throws IOException {
        Path kafka = Files.createDirectories(home.resolve("kafka"));
        LocalStack.pidFile(kafka, "kafka").write(ProcessHandle.current().pid());
        Files.writeString(home.resolve("not-a-service.txt"), "x");

        CpuTimes times = CpuTimes.withProducerHere(home);

        // The same process, read as the service first and as the producer right after.
        Duration service = times.byRole().get(CpuTimes.KAFKA);
        assertTrue(service.compareTo(Duration.ZERO) > 0, "this JVM has used some CPU");
        assertTrue(times.byRole().get(CpuTimes.PRODUCER).compareTo(service) >= 0, times.toString());
        assertEquals(2, times.byRole().size(), times.toString());
    }
}

package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

class BenchSuiteTest {
    private static BenchSuite.Settings settings(boolean quick, Long streamerRecords, Duration e2eDuration, Integer queryRuns) {
        return new BenchSuite.Settings("k:1", "c:2", "dc2", "local[1]", Path.of("/root"), Path.of("/h"), Path.of("/s.csv"),
                quick, null, streamerRecords, e2eDuration, queryRuns, Path.of("/out"));
    }

    @Test
    void eachBenchmarkGetsTheStackTheStreamerAndThePlansSizes() {
        BenchSuite suite = new BenchSuite(settings(true, null, null, 7));

        StreamerThroughput.Settings streamer = suite.streamer(Path.of("/out/streamer.md")).settings();
        assertEquals(new StreamerThroughput.Settings("k:1", "c:2", "dc2", Path.of("/root"), Path.of("/h"), Path.of("/s.csv"),
                3_000, 2, 1_000, 1_000, 1_000, "local[1]", Path.of("/out/streamer-job.log")), streamer);
        EndToEndLatency.Settings e2e = suite.endToEnd(Path.of("/out/e2e.md")).settings();
        assertEquals(new EndToEndLatency.Settings("k:1", "c:2", "dc2", Path.of("/root"), Path.of("/h"), Path.of("/s.csv"),
                "1s", 1000, 50, Duration.ofSeconds(1), Duration.ofSeconds(4), 2, "local[1]",
                Path.of("/out/e2e-streamer-job.log")), e2e);
        assertEquals(new QueryLatency.Settings("c:2", "dc2", Path.of("/s.csv"), 20, 6, 10, 7), suite.queries().settings());
        assertEquals(new ProducerThroughput.Settings("k:1", 10_000, 1, Duration.ofSeconds(15), Path.of("/root"),
                Path.of("/s.csv")), suite.producer().settings());
    }

    @Test
    void theE2eDurationGivenBringsAThirdAsLongOfWarmUp() {
        EndToEndLatency.Settings e2e = new BenchSuite(settings(false, null, Duration.ofSeconds(30), null))
                .endToEnd(Path.of("/out/e2e.md")).settings();

        assertEquals(Duration.ofSeconds(10), e2e.warmup());
        assertEquals(Duration.ofSeconds(30), e2e.duration());
    }

    @Test
    void fewerStreamerRecordsThanThreeBatchesOfThePlanAreRefused() {
        assertThrows(UserError.class, () -> settings(false, 299_999L, null, null));
        assertEquals(300_000L, settings(false, 300_000L, null, null).streamerRecords());
    }
}

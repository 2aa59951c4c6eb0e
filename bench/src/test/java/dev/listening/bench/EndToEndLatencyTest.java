package dev.listening.bench;

import dev.listening.contract.UserError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndToEndLatencyTest {
    private static final Path LOG = Path.of("e2e-streamer-job.log");

    @Test
    void aRunWhoseProbesWereAllReadIsKept() {
        EndToEndLatency.Result result = new EndToEndLatency.Result(100, 99.5, Percentiles.of(new long[] {300, 400}), 0);
        assertSame(result, EndToEndLatency.requireEveryProbeRead(result, LOG));
    }

    @Test
    void oneProbeNeverReadFailsTheRunInsteadOfLeavingItOutOfThePercentiles() {
        EndToEndLatency.Result result = new EndToEndLatency.Result(100, 99.5, Percentiles.of(new long[] {300, 400}), 1);
        UserError error = assertThrows(UserError.class, () -> EndToEndLatency.requireEveryProbeRead(result, LOG));
        assertTrue(error.getMessage().startsWith("1 of 3 probe rows never became readable"), error.getMessage());
    }

    @Test
    void noProbeReadAtAllFailsTheRun() {
        EndToEndLatency.Result result = new EndToEndLatency.Result(100, 99.5, Percentiles.of(new long[0]), 0);
        assertThrows(UserError.class, () -> EndToEndLatency.requireEveryProbeRead(result, LOG));
    }
}

package dev.listening.producer.run;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportTest {
    @Test
    void theLineSaysSentAcknowledgedFailedAndTheRate() {
        Report report = new Report(1000, 990, 10, Duration.ofMillis(2500));
        assertEquals("sent 1000, acknowledged 990, failed 10 in 2.500 s (396.0 events/s)", report.line());
    }

    @Test
    void recordsNeitherAcknowledgedNorFailedAreShown() {
        Report report = new Report(10, 7, 1, Duration.ofSeconds(1));
        assertEquals(2, report.unanswered());
        assertEquals("sent 10, acknowledged 7, failed 1 in 1.000 s (7.0 events/s), 2 unanswered", report.line());
    }

    @Test
    void theLineReadsBack() {
        Report report = new Report(200_000, 200_000, 0, Duration.ofMillis(2314));
        assertEquals(Optional.of(report), Report.parse("12:00:00 " + report.line()));
        assertEquals(Optional.empty(), Report.parse("error: no Kafka broker answered"));
    }
}

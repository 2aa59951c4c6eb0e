package dev.listening.it;

import dev.listening.stack.spark.JobExit;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.Verifier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on a streaming job a test started with {@link SparkSubmitProcess}, logging to {@code log}. */
final class StreamerChecks {
    private StreamerChecks() {
    }

    /**
     * Until every record of the topic is stored or dead-lettered, with the streamer alive all along;
     * returns the last verdict, which the test then judges (doubles, unexpected rows).
     */
    static Reconciliation.Report awaitNothingMissing(Verifier verifier, String topic, SparkSubmitProcess streamer, Path log,
                                                     Duration deadline, Duration poll) {
        AtomicReference<Reconciliation.Report> last = new AtomicReference<>();
        await("every record of " + topic + " stored or dead-lettered").atMost(deadline).pollInterval(poll).until(() -> {
            assertTrue(streamer.isAlive(), () -> JobExit.describe(streamer, log));
            last.set(verifier.verify(topic, Map.of(), Map.of()));
            return last.get().missing().isEmpty();
        });
        return last.get();
    }
}

package dev.listening.streamer.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.DriverTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

class OutageRetryTest {
    private final List<Duration> sleeps = new ArrayList<>();
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");

    private boolean cassandraAnswers = true;
    private int reconnects;
    private int retryingTold;

    private OutageRetry retry(Duration timeout) {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        CassandraHealth health = new CassandraHealth() {
            @Override
            public boolean answers() {
                return cassandraAnswers;
            }

            @Override
            public void reconnect() {
                reconnects++;
            }
        };
        return new OutageRetry(timeout, health, () -> retryingTold++, clock, d -> {
            sleeps.add(d);
            now = now.plus(d);
        });
    }

    @Test
    void anOutageIsRetriedWithGrowingDelaysUntilTheWriteSucceeds() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();

        int retries = retry(Duration.ofMinutes(10)).run("writing", () -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new DriverTimeoutException("Query timed out");
            }
        });

        assertEquals(4, attempts.get());
        assertEquals(3, retries, "the batch's metrics count the retries");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeps);
        assertEquals(3, reconnects, "a fresh session for every retry");
        assertEquals(3, retryingTold, "every wait for a retry is reported as progress");
    }

    @Test
    void delaysStopGrowingAtTheMaximum() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();

        retry(Duration.ofHours(1)).run("writing", () -> {
            if (attempts.incrementAndGet() <= 8) {
                throw new DriverTimeoutException("Query timed out");
            }
        });

        assertEquals(OutageRetry.MAX_DELAY, sleeps.get(sleeps.size() - 1));
        assertEquals(OutageRetry.MAX_DELAY, sleeps.get(sleeps.size() - 2));
    }

    @Test
    void anOutageLongerThanTheTimeoutFailsWithAClearMessage() {
        OutageRetry.CassandraUnavailableException e = assertThrows(OutageRetry.CassandraUnavailableException.class,
                () -> retry(Duration.ofSeconds(20)).run("writing batch 7", () -> {
                    throw new DriverTimeoutException("Query timed out");
                }));

        assertTrue(e.getMessage().startsWith("Cassandra did not come back within 20 s while writing batch 7: Query timed out"),
                e.getMessage());
        assertTrue(sleeps.stream().mapToLong(Duration::toSeconds).sum() <= 20);
    }

    @Test
    void aFailureOfNoKnownKindIsAnOutageWhenCassandraDoesNotAnswer() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();
        cassandraAnswers = false;

        retry(Duration.ofMinutes(10)).run("writing", () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("Control channel not available, aborting schema refresh");
            }
        });

        assertEquals(2, attempts.get());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void anUndeclaredCheckedExceptionFromScalaCodeIsRetriedToo() throws InterruptedException {
        AtomicInteger attempts = new AtomicInteger();

        retry(Duration.ofMinutes(10)).run("writing", () -> {
            if (attempts.incrementAndGet() == 1) {
                sneakyThrow(new IOException("Failed to open native connection to Cassandra",
                        new DriverTimeoutException("timed out")));
            }
        });

        assertEquals(2, attempts.get());
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void anyOtherFailureIsThrownAtOnce() {
        IllegalStateException bug = new IllegalStateException("no such table");

        assertSame(bug, assertThrows(IllegalStateException.class, () -> retry(Duration.ofMinutes(10)).run("writing", () -> {
            throw bug;
        })));
        assertEquals(List.of(), sleeps);
        assertEquals(0, reconnects);
    }
}

package dev.listening.streamer.sink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a write until it succeeds, retrying with exponential backoff while Cassandra is out, up
 * to a deadline. A failure is an outage when its cause chain says so ({@link Outages}) or when
 * Cassandra does not answer a probe right after it. Any other failure, and an outage past the
 * deadline, is thrown: the batch is then not committed, and a restart replays it.
 */
public final class OutageRetry {
    private static final Logger LOG = LoggerFactory.getLogger(OutageRetry.class);
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    /** Short enough that a node back after a long outage is written to within seconds, not half a minute. */
    static final Duration MAX_DELAY = Duration.ofSeconds(10);

    /** A write to retry. */
    @FunctionalInterface
    public interface Write {
        void run() throws InterruptedException;
    }

    /** How the retry waits; tests pass one that only advances a clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration timeout;
    private final CassandraHealth cassandra;
    private final Runnable retrying;
    private final Clock clock;
    private final Sleeper sleeper;

    /** @param retrying told before each wait: a write retried through an outage is progress, not a stall */
    public OutageRetry(Duration timeout, CassandraHealth cassandra, Runnable retrying) {
        this(timeout, cassandra, retrying, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    OutageRetry(Duration timeout, CassandraHealth cassandra, Runnable retrying, Clock clock, Sleeper sleeper) {
        this.timeout = timeout;
        this.cassandra = cassandra;
        this.retrying = retrying;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** @return how many times the write was retried: the batch's metrics count them */
    public int run(String what, Write write) throws InterruptedException {
        Instant giveUp = clock.instant().plus(timeout);
        Duration delay = FIRST_DELAY;
        for (int retries = 0; ; retries++) {
            try {
                write.run();
                return retries;
            } catch (Exception e) {
                // Exception, not RuntimeException: the connector (Scala) throws IOException undeclared.
                if (!Outages.isTransient(e) && cassandra.answers()) {
                    throw e;
                }
                cassandra.reconnect();
                if (clock.instant().plus(delay).isAfter(giveUp)) {
                    throw new CassandraUnavailableException("Cassandra did not come back within " + timeout.toSeconds()
                            + " s while " + what + ": " + Outages.rootMessage(e), e);
                }
                LOG.warn("Cassandra unavailable while {} ({}); retrying in {} s", what, Outages.rootMessage(e), delay.toSeconds());
                retrying.run();
                sleeper.sleep(delay);
                delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
            }
        }
    }

    /** Cassandra stayed unreachable past the retry deadline. */
    public static final class CassandraUnavailableException extends RuntimeException {
        CassandraUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

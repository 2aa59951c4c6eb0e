package dev.listening.streamer.sink;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.NoNodeAvailableException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.QueryConsistencyException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Tells a Cassandra outage (no node answers, timeouts, not enough replicas) from other failures.
 * Spark wraps a task's exception in a SparkException; when it could not keep the exception object
 * it keeps only its text, so both the cause chain and the messages are searched.
 */
public final class Outages {
    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(
            AllNodesFailedException.class,
            NoNodeAvailableException.class,
            DriverTimeoutException.class,
            ClosedConnectionException.class,
            ConnectionInitException.class,
            HeartbeatException.class,
            QueryConsistencyException.class,
            WriteTimeoutException.class,
            ReadTimeoutException.class,
            UnavailableException.class,
            OverloadedException.class,
            BootstrappingException.class);

    private Outages() {
    }

    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            for (Class<? extends Throwable> type : TRANSIENT) {
                if (type.isInstance(t) || (t.getMessage() != null && t.getMessage().contains(type.getName()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The innermost message of the chain, the one that names what went wrong. */
    public static String rootMessage(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String message = failure.toString();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message.lines().findFirst().orElse(message);
    }
}

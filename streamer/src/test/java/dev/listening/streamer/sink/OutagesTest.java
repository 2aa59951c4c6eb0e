package dev.listening.streamer.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;

class OutagesTest {
    @Test
    void noNodeAnsweringDeepInsideASparkFailureIsAnOutage() {
        AllNodesFailedException noNode = AllNodesFailedException.fromErrors(Map.of());
        IOException connector = new IOException("Failed to open native connection to Cassandra", noNode);

        assertTrue(Outages.isTransient(new SparkException("Job aborted due to stage failure", connector)));
    }

    @Test
    void anOutageKnownOnlyByTheTextOfATaskFailureIsAnOutage() {
        assertTrue(Outages.isTransient(new SparkException("Job aborted: Lost task 0.0: "
                + DriverTimeoutException.class.getName() + ": Query timed out after PT2S")));
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertFalse(Outages.isTransient(new SparkException("Job aborted",
                new IOException("Couldn't find spotify.listening_history or any similarly named keyspace and table pairs"))));
        assertFalse(Outages.isTransient(new IllegalArgumentException("bad")));
    }

    @Test
    void rootMessageIsTheFirstLineOfTheInnermostMessage() {
        Throwable failure = new RuntimeException("outer", new IllegalStateException("inner\n\tat somewhere"));

        assertEquals("inner", Outages.rootMessage(failure));
    }
}

package dev.listening.cql;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import picocli.CommandLine.Option;

/** --consistency of the commands that read what the streamer wrote: query, report and verify. */
public final class ReadConsistencyOption {
    @Option(names = "--consistency", paramLabel = "LEVEL", defaultValue = "LOCAL_ONE",
            description = "Read consistency: ${DEFAULT-VALUE} for one node; LOCAL_QUORUM on a cluster written at LOCAL_QUORUM "
                    + "(then a node that missed writes while down cannot hide them). Default: ${DEFAULT-VALUE}.")
    DefaultConsistencyLevel consistency;

    public DefaultConsistencyLevel consistency() {
        return consistency;
    }
}

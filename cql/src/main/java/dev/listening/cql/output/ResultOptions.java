package dev.listening.cql.output;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.Env;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options of the commands that read Cassandra and write a result file: ./pipeline query and report. */
public final class ResultOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned table, .txt), csv or json. Default: ${DEFAULT-VALUE}.")
    public String format;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "${sys:pipeline.root:-.}/output",
            description = "Where the result file goes. Default: ${DEFAULT-VALUE}.")
    public Path outDir;

    @Option(names = "--cassandra", paramLabel = "HOST:PORT[,HOST:PORT]", defaultValue = Env.CASSANDRA_OPTION,
            description = "Contact points (env " + Env.CASSANDRA + "). Default: ${DEFAULT-VALUE}.")
    public String cassandra;

    @Option(names = "--datacenter", paramLabel = "DC", defaultValue = Env.DATACENTER_OPTION,
            description = "Local datacenter (env " + Env.DATACENTER + "). Default: ${DEFAULT-VALUE}.")
    public String datacenter;

    @Option(names = "--consistency", paramLabel = "LEVEL", defaultValue = "LOCAL_ONE",
            description = "Read consistency: ${DEFAULT-VALUE} for one node; LOCAL_QUORUM on a cluster written at LOCAL_QUORUM.")
    public DefaultConsistencyLevel consistency;

    @Option(names = "--keyspace", paramLabel = "KEYSPACE", defaultValue = Env.KEYSPACE_OPTION,
            description = "Keyspace to read (env " + Env.KEYSPACE + "). Default: ${DEFAULT-VALUE}.")
    public String keyspace;
}

package dev.listening.cql.output;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.options.CassandraOptions;
import dev.listening.contract.options.KeyspaceOption;
import dev.listening.contract.options.OutputDirOption;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.ReadConsistencyOption;
import dev.listening.cql.Schema;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;

/** The options of the commands that read Cassandra and write a result file: ./pipeline query and report. */
public final class ResultOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (aligned table, .txt), csv or json. Default: ${DEFAULT-VALUE}.")
    public String format;

    @Mixin
    OutputDirOption outDir;

    @Mixin
    CassandraOptions cassandra;

    @Mixin
    ReadConsistencyOption consistency;

    @Mixin
    KeyspaceOption keyspace;

    public Path outDir() {
        return outDir.outDir();
    }

    /** The keyspace, checked to be a plain CQL name. */
    public String keyspace() {
        return Schema.checkKeyspace(keyspace.keyspace());
    }

    /** A session on the Cassandra of the options, reading at their consistency. */
    public CqlSession open(Duration requestTimeout) {
        return CassandraSessions.open(cassandra, requestTimeout, consistency.consistency());
    }
}

package dev.listening.contract.options;

import dev.listening.contract.Env;
import picocli.CommandLine.Option;

/** --keyspace: the Cassandra keyspace of the pipeline's tables, the same for every command. */
public final class KeyspaceOption {
    public static final String KEYSPACE = "--keyspace";

    @Option(names = KEYSPACE, paramLabel = "NAME", defaultValue = Env.KEYSPACE_OPTION,
            description = "Cassandra keyspace of the pipeline's tables (env " + Env.KEYSPACE + "). Default: ${DEFAULT-VALUE}.")
    String keyspace;

    public String keyspace() {
        return keyspace;
    }
}

package dev.listening.contract.options;

import dev.listening.contract.Env;
import picocli.CommandLine.Option;

/** Where Cassandra is: the same --cassandra and --datacenter (and variables) for every command that talks to it. */
public final class CassandraOptions {
    public static final String CASSANDRA = "--cassandra";
    public static final String DATACENTER = "--datacenter";

    @Option(names = CASSANDRA, paramLabel = "HOST:PORT[,..]", defaultValue = Env.CASSANDRA_OPTION,
            description = "Cassandra contact points (env " + Env.CASSANDRA + "). Default: ${DEFAULT-VALUE}.")
    String cassandra;

    @Option(names = DATACENTER, paramLabel = "NAME", defaultValue = Env.DATACENTER_OPTION,
            description = "Cassandra local data centre (env " + Env.DATACENTER + "). Default: ${DEFAULT-VALUE}.")
    String datacenter;

    public String cassandra() {
        return cassandra;
    }

    public String datacenter() {
        return datacenter;
    }
}

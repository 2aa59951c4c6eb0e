package dev.listening.cli.bench;

import dev.listening.contract.Env;
import picocli.CommandLine.Option;

/** Where the Cassandra of ./pipeline up listens. */
public final class CassandraOptions {
    @Option(names = "--cassandra", paramLabel = "HOST:PORT[,..]", defaultValue = Env.CASSANDRA_OPTION,
            description = "Cassandra contact points (env " + Env.CASSANDRA + "). Default: ${DEFAULT-VALUE}.")
    String cassandra;

    @Option(names = "--datacenter", paramLabel = "NAME", defaultValue = Env.DATACENTER_OPTION,
            description = "Cassandra local data centre (env " + Env.DATACENTER + "). Default: ${DEFAULT-VALUE}.")
    String datacenter;

    String cassandra() {
        return cassandra;
    }

    String datacenter() {
        return datacenter;
    }
}

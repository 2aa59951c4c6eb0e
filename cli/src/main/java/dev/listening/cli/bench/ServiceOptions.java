package dev.listening.cli.bench;

import dev.listening.contract.Env;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the stack of ./pipeline up listens, for the bench commands that use both Kafka and Cassandra. */
public final class ServiceOptions {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = Env.KAFKA_OPTION,
            description = "Kafka bootstrap servers (env " + Env.KAFKA + "). Default: ${DEFAULT-VALUE}.")
    String bootstrap;

    @Mixin
    CassandraOptions cassandra;

    String bootstrap() {
        return bootstrap;
    }

    String cassandra() {
        return cassandra.cassandra();
    }

    String datacenter() {
        return cassandra.datacenter();
    }
}

package dev.listening.cli.bench;

import dev.listening.contract.options.BootstrapOption;
import dev.listening.contract.options.CassandraOptions;
import picocli.CommandLine.Mixin;

/** Where the stack of ./pipeline up listens, for the bench commands that use both Kafka and Cassandra. */
public final class ServiceOptions {
    @Mixin
    BootstrapOption kafka;

    @Mixin
    CassandraOptions cassandra;

    String bootstrap() {
        return kafka.bootstrap();
    }

    String cassandra() {
        return cassandra.cassandra();
    }

    String datacenter() {
        return cassandra.datacenter();
    }
}

package dev.listening.cli.stack;

import dev.listening.cli.HomeOption;
import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.contract.options.CassandraOptions;
import dev.listening.stack.StackSettings;
import dev.listening.stack.net.HostPort;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the local stack listens: the same options (and variables) for up and status. */
public final class StackOptions {
    @Option(names = StackSettings.KAFKA_FLAG, paramLabel = "HOST:PORT", defaultValue = Env.KAFKA_OPTION,
            description = "Kafka broker address (env " + Env.KAFKA + "). Default: ${DEFAULT-VALUE}.")
    String kafka;

    @Option(names = StackSettings.KAFKA_CONTROLLER_PORT_FLAG, paramLabel = "PORT", defaultValue = Env.KAFKA_CONTROLLER_PORT_OPTION,
            description = "Port of the broker's KRaft controller (env " + Env.KAFKA_CONTROLLER_PORT + "). Default: ${DEFAULT-VALUE}.")
    int kafkaControllerPort;

    @Mixin
    CassandraOptions cassandra;

    @Option(names = StackSettings.CASSANDRA_STORAGE_PORT_FLAG, paramLabel = "PORT", defaultValue = Env.CASSANDRA_STORAGE_PORT_OPTION,
            description = "Cassandra inter-node storage port (env " + Env.CASSANDRA_STORAGE_PORT + "). Default: ${DEFAULT-VALUE}.")
    int cassandraStoragePort;

    @Mixin
    HomeOption home;

    public StackSettings settings() {
        if (kafka.contains(",")) {
            throw new UserError("the local stack takes its first broker: " + StackSettings.KAFKA_FLAG + " takes one host:port, not '"
                    + kafka + "' (with --cluster the other brokers listen on the next addresses)");
        }
        String node = cassandra.cassandra();
        if (node.contains(",")) {
            throw new UserError("the local stack runs one Cassandra node: " + StackSettings.CASSANDRA_FLAG
                    + " takes one host:port, not '" + node + "'");
        }
        return new StackSettings(home.root(), home.home(), HostPort.parse(kafka), kafkaControllerPort,
                HostPort.parse(node), cassandraStoragePort, cassandra.datacenter());
    }
}

package dev.listening.cli;

import dev.listening.cli.stack.ReplicationConverter;
import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.options.CassandraOptions;
import dev.listening.contract.options.KeyspaceOption;
import dev.listening.cql.Replication;
import dev.listening.cql.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** ./pipeline schema: cql/create_db.cql on any Cassandra, e.g. a multi-node cluster the local stack does not start. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Applies cql/create_db.cql (idempotent) to a keyspace on any Cassandra, with the replication it needs.")
public final class SchemaCommand implements Callable<Integer> {
    @Mixin
    CassandraOptions cassandra;

    @Mixin
    KeyspaceOption keyspace;

    @Option(names = "--replication", paramLabel = "STRATEGY", defaultValue = Replication.LOCAL_DEFAULT,
            converter = ReplicationConverter.class,
            description = "SimpleStrategy:N or NetworkTopologyStrategy:dc=N[,dc=N]. Default: ${DEFAULT-VALUE}.")
    Replication replication;

    @Override
    public Integer call() {
        Schema.load().apply(cassandra.cassandra(), cassandra.datacenter(), Duration.ofSeconds(30), CassandraCredentials.current(),
                keyspace.keyspace(), replication);
        System.out.println("applied cql/create_db.cql to keyspace " + keyspace.keyspace() + " on " + cassandra.cassandra()
                + " with " + replication.toCql());
        return 0;
    }
}

package dev.listening.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.cli.stack.ReplicationConverter;
import dev.listening.contract.Env;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.Replication;
import dev.listening.cql.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

/** ./pipeline schema: cql/create_db.cql on any Cassandra, e.g. a multi-node cluster the local stack does not start. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Applies cql/create_db.cql (idempotent) to a keyspace on any Cassandra, with the replication it needs.")
public final class SchemaCommand implements Callable<Integer> {
    @Option(names = "--cassandra", paramLabel = "HOST:PORT[,HOST:PORT]", defaultValue = Env.CASSANDRA_OPTION,
            description = "Contact points (env " + Env.CASSANDRA + "). Default: ${DEFAULT-VALUE}.")
    String cassandra;

    @Option(names = "--datacenter", paramLabel = "DC", defaultValue = Env.DATACENTER_OPTION,
            description = "Local data centre (env " + Env.DATACENTER + "). Default: ${DEFAULT-VALUE}.")
    String datacenter;

    @Option(names = "--keyspace", paramLabel = "NAME", defaultValue = Env.KEYSPACE_OPTION,
            description = "Keyspace (env " + Env.KEYSPACE + "). Default: ${DEFAULT-VALUE}.")
    String keyspace;

    @Option(names = "--replication", paramLabel = "STRATEGY", defaultValue = Replication.LOCAL_DEFAULT,
            converter = ReplicationConverter.class,
            description = "SimpleStrategy:N or NetworkTopologyStrategy:dc=N[,dc=N]. Default: ${DEFAULT-VALUE}.")
    Replication replication;

    @Override
    public Integer call() {
        Schema schema = Schema.load();
        try (CqlSession session = CassandraSessions.open(cassandra, datacenter, Duration.ofSeconds(30))) {
            schema.apply(session, keyspace, replication);
        }
        System.out.println("applied cql/create_db.cql to keyspace " + keyspace + " on " + cassandra + " with " + replication.toCql());
        return 0;
    }
}

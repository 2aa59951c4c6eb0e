package dev.listening.cli.stack;

import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.contract.options.KeyspaceOption;
import dev.listening.contract.options.TopicOption;
import dev.listening.cql.Replication;
import dev.listening.stack.Bootstrap;
import dev.listening.stack.ClusterSettings;
import dev.listening.stack.LocalStack;
import dev.listening.stack.StackSettings;
import dev.listening.stack.StackText;
import dev.listening.stack.UpReport;
import dev.listening.stack.cassandra.LocalAuthentication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {
                "Starts the local stack: a Kafka broker (KRaft) and a Cassandra node, each a JVM of its own that keeps "
                        + "running after this command exits (stop them with `./pipeline down`).",
                "Both start at once; then the topic is created if missing and cql/create_db.cql is applied to the keyspace. "
                        + "Running it again is harmless: running services are reported, missing ones started. "
                        + "Data stays in --home across up/down.",
                "With --cluster: three Kafka brokers and a Cassandra ring (each on 127.0.0.1, .2, .3 with the same ports), "
                        + "a Spark standalone master and workers, and the topic with several partitions, a replica on every broker "
                        + "and min.insync.replicas 2; the keyspace replicates to every node."})
public final class UpCommand implements Callable<Integer> {
    @Mixin
    StackOptions stack;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    TopicOption topic;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of the topic when it is created. Default: 1, with --cluster " + Bootstrap.CLUSTER_PARTITIONS
                    + " (Spark reads each partition in a task of its own).")
    Integer partitions;

    @Mixin
    KeyspaceOption keyspace;

    @Option(names = "--replication", paramLabel = "STRATEGY", converter = ReplicationConverter.class,
            description = "Keyspace replication: SimpleStrategy:N or NetworkTopologyStrategy:dc=N[,dc=N]. Default: "
                    + Replication.LOCAL_DEFAULT + ", with --cluster " + Replication.NETWORK_TOPOLOGY + ":<datacenter>=<nodes>.")
    Replication replication;

    @Option(names = StackSettings.READY_TIMEOUT_FLAG, paramLabel = "SECONDS", defaultValue = "120",
            description = "How long each service may take to accept clients (with --cluster: each of the two start waves). Default: ${DEFAULT-VALUE}.")
    int readyTimeoutSeconds;

    @Option(names = "--auth",
            description = "Cassandra with PasswordAuthenticator: a role '" + LocalAuthentication.ROLE + "' with a generated "
                    + "password, kept (mode 600) in <home>/" + CassandraCredentials.LOCAL_NODE_DIR + "/"
                    + CassandraCredentials.FILE_NAME + ", where every command of this checkout finds it (elsewhere: env "
                    + Env.CASSANDRA_USER + " and " + Env.CASSANDRA_PASSWORD + "). The node keeps asking until down --purge.")
    boolean auth;

    @Override
    public Integer call() {
        StackSettings settings = stack.settings();
        if (auth) {
            if (cluster.enabled()) {
                throw new UserError("--auth is for the one-node stack, not --cluster");
            }
            LocalAuthentication.require(settings.home());
        }
        Optional<Integer> partitions = Optional.ofNullable(this.partitions);
        Optional<Replication> replication = Optional.ofNullable(this.replication);
        LocalStack local;
        Bootstrap bootstrap;
        if (cluster.enabled()) {
            ClusterSettings clusterSettings = cluster.settings();
            local = new LocalStack(settings, clusterSettings);
            bootstrap = Bootstrap.cluster(topic.topic(), partitions, keyspace.keyspace(), replication, settings.datacenter(),
                    clusterSettings.cassandraNodes());
        } else {
            local = new LocalStack(settings);
            bootstrap = Bootstrap.oneNode(topic.topic(), partitions, keyspace.keyspace(), replication);
        }
        UpReport report = local.up(bootstrap, Duration.ofSeconds(readyTimeoutSeconds));
        StackText.up(report, settings.root()).forEach(System.out::println);
        local.cluster().ifPresent(c -> StackText.clusterHints(local.kafkaBootstrap(), local.cassandraContactPoints(), c).forEach(System.out::println));
        return 0;
    }
}

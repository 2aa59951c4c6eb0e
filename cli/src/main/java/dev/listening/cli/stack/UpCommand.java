package dev.listening.cli.stack;

import dev.listening.contract.Env;
import dev.listening.cql.Replication;
import dev.listening.stack.Bootstrap;
import dev.listening.stack.LocalStack;
import dev.listening.stack.StackSettings;
import dev.listening.stack.UpReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {
                "Starts the local stack: a Kafka broker (KRaft) and a Cassandra node, each a JVM of its own that keeps "
                        + "running after this command exits (stop them with `./pipeline down`).",
                "Both start at once; then the topic is created if missing and cql/create_db.cql is applied to the keyspace. "
                        + "Running it again is harmless: running services are reported, missing ones started. "
                        + "Data stays in --home across up/down."})
public final class UpCommand implements Callable<Integer> {
    @Mixin
    StackOptions stack;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = Env.TOPIC_OPTION,
            description = "Topic to create if missing (env " + Env.TOPIC + "). Default: ${DEFAULT-VALUE}.")
    String topic;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
            description = "Partitions of the topic when it is created. Default: ${DEFAULT-VALUE}.")
    int partitions;

    @Option(names = "--keyspace", paramLabel = "NAME", defaultValue = Env.KEYSPACE_OPTION,
            description = "Keyspace to apply cql/create_db.cql to (env " + Env.KEYSPACE + "). Default: ${DEFAULT-VALUE}.")
    String keyspace;

    @Option(names = "--replication", paramLabel = "STRATEGY", defaultValue = Replication.LOCAL_DEFAULT,
            converter = ReplicationConverter.class,
            description = "Keyspace replication: SimpleStrategy:N or NetworkTopologyStrategy:dc=N[,dc=N]. Default: ${DEFAULT-VALUE}.")
    Replication replication;

    @Option(names = StackSettings.READY_TIMEOUT_FLAG, paramLabel = "SECONDS", defaultValue = "120",
            description = "How long each service may take to accept clients. Default: ${DEFAULT-VALUE}.")
    int readyTimeoutSeconds;

    @Override
    public Integer call() {
        Bootstrap bootstrap = new Bootstrap(topic, partitions, keyspace, replication);
        StackSettings settings = stack.settings();
        UpReport report = new LocalStack(settings).up(bootstrap, Duration.ofSeconds(readyTimeoutSeconds));
        StackText.up(report, settings.root()).forEach(System.out::println);
        return 0;
    }
}

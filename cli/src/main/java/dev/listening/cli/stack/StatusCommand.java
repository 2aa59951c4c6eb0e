package dev.listening.cli.stack;

import dev.listening.cli.MetricsFileOption;
import dev.listening.contract.UserError;
import dev.listening.contract.metrics.MetricsFile;
import dev.listening.contract.options.KeyspaceOption;
import dev.listening.contract.options.TopicOption;
import dev.listening.stack.LocalStack;
import dev.listening.stack.RollupLag;
import dev.listening.stack.ServiceStatus;
import dev.listening.stack.StackSettings;
import dev.listening.stack.StackText;
import dev.listening.stack.cassandra.RingNode;
import dev.listening.stack.kafka.KafkaClusterState;
import dev.listening.stack.kafka.KafkaRing;
import dev.listening.stack.spark.SparkMasterState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows each service of the local stack: pid, address, whether it runs and answers clients.",
                "In cluster mode (--cluster, or found running in --home) also the live brokers, the active controller of "
                        + "their quorum, each partition of --topic with its leader and in-sync replicas, the Cassandra ring (each "
                        + "node UP/DOWN and NORMAL/JOINING/...) and the Spark workers the master knows.",
                "Then, if the streamer's metrics file exists, how far the rollups trail the history: batches, rows and "
                        + "seconds of event time stored and not yet rolled up.",
                "Exit code 0 when every service is ready (and every broker live, every partition fully in sync, every node "
                        + "up and normal, every worker alive), 1 otherwise."})
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    StackOptions stack;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    TopicOption topic;

    @Mixin
    KeyspaceOption keyspace;

    @Mixin
    MetricsFileOption metricsFile;

    @Override
    public Integer call() throws InterruptedException {
        StackSettings settings = stack.settings();
        boolean clusterMode = cluster.enabled() || LocalStack.clusterRunsIn(settings.home());
        LocalStack local = clusterMode ? new LocalStack(settings, cluster.settings()) : new LocalStack(settings);
        List<ServiceStatus> statuses = local.status(LocalStack.PROBE_TIMEOUT);
        StackText.status(statuses, settings.root()).forEach(System.out::println);
        boolean ready = statuses.stream().allMatch(s -> s.state() == ServiceStatus.State.READY);
        if (clusterMode) {
            Optional<KafkaClusterState> kafka = local.kafkaCluster(topic.topic(), LocalStack.PROBE_TIMEOUT);
            StackText.kafka(topic.topic(), kafka).forEach(System.out::println);
            List<RingNode> ring = ring(local);
            Optional<SparkMasterState> master = local.sparkMaster(LocalStack.PROBE_TIMEOUT);
            StackText.cluster(ring, master).forEach(System.out::println);
            // each worker's own line above says whether the master lists it alive
            ready &= kafka.map(k -> k.healthy(KafkaRing.BROKERS)).orElse(false)
                    && !ring.isEmpty() && ring.stream().allMatch(RingNode::upAndNormal) && master.isPresent();
        }
        RollupLag.of(MetricsFile.read(metricsFile.resolve(settings.home(), topic.topic(), keyspace.keyspace()))).map(RollupLag::line).ifPresent(System.out::println);
        return ready ? 0 : 1;
    }

    private static List<RingNode> ring(LocalStack local) {
        try {
            return local.ring(LocalStack.PROBE_TIMEOUT);
        } catch (UserError e) {
            return List.of();
        }
    }
}

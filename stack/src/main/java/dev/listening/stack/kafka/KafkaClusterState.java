package dev.listening.stack.kafka;

import dev.listening.contract.kafka.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The brokers of a cluster as a client sees them: the live brokers' ids, the KRaft controller quorum
 * (its voters and the active controller, the quorum's leader) and one topic's partitions with their
 * leader, replicas and in-sync replicas.
 *
 * @param leader the active controller; empty while the quorum has none (or it could not be asked)
 * @param topic  empty when the topic does not exist
 */
public record KafkaClusterState(List<Integer> brokers, List<Integer> voters, OptionalInt leader, Optional<TopicState> topic) {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaClusterState.class);

    public KafkaClusterState {
        brokers = brokers.stream().sorted().toList();
        voters = voters.stream().sorted().toList();
    }

    /** A topic's partitions, and the in-sync replicas a write with acks=all needs. */
    public record TopicState(String name, int minInSyncReplicas, List<Partition> partitions) {
        public TopicState {
            partitions = partitions.stream().sorted(Comparator.comparingInt(Partition::partition)).toList();
        }

        public long fullyInSync() {
            return partitions.stream().filter(Partition::fullyInSync).count();
        }
    }

    /** @param leader empty while the partition has none */
    public record Partition(int partition, OptionalInt leader, List<Integer> replicas, List<Integer> isr) {
        public Partition {
            replicas = List.copyOf(replicas);
            isr = isr.stream().sorted().toList();
        }

        /** It has a leader and every replica has caught up with it. */
        public boolean fullyInSync() {
            return leader.isPresent() && isr.containsAll(replicas);
        }
    }

    /** {@code brokers} brokers answer, the quorum has a leader, and every partition of the topic (if it exists) is fully in sync. */
    public boolean healthy(int expectedBrokers) {
        return brokers.size() == expectedBrokers && leader.isPresent()
                && topic.map(t -> t.fullyInSync() == t.partitions().size()).orElse(true);
    }

    /** The cluster seen through any broker of {@code bootstrap} that answers within {@code timeout}; empty when none does. */
    public static Optional<KafkaClusterState> read(String bootstrap, String topic, Duration timeout) {
        Admin admin = Topics.admin(bootstrap, timeout);
        try {
            List<Integer> brokers = get(admin.describeCluster().nodes(), timeout).stream().map(Node::id).toList();
            List<Integer> voters = List.of();
            OptionalInt leader = OptionalInt.empty();
            try {
                QuorumInfo quorum = get(admin.describeMetadataQuorum().quorumInfo(), timeout);
                voters = quorum.voters().stream().map(QuorumInfo.ReplicaState::replicaId).toList();
                leader = quorum.leaderId() < 0 ? OptionalInt.empty() : OptionalInt.of(quorum.leaderId());
            } catch (ExecutionException | TimeoutException | KafkaException e) {
                LOG.debug("no quorum state", e);
            }
            return Optional.of(new KafkaClusterState(brokers, voters, leader, topic(admin, topic, timeout)));
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.debug("no broker answers at {}", bootstrap, e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            admin.close(Topics.CLOSE_TIMEOUT);
        }
    }

    private static Optional<TopicState> topic(Admin admin, String topic, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        TopicDescription description;
        try {
            description = get(admin.describeTopics(List.of(topic)).allTopicNames(), timeout).get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(List.of(resource)).all(), timeout);
        ConfigEntry minInSync = configs.get(resource).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        List<Partition> partitions = description.partitions().stream().map(KafkaClusterState::partition).toList();
        return Optional.of(new TopicState(topic, Integer.parseInt(minInSync.value()), partitions));
    }

    private static Partition partition(TopicPartitionInfo info) {
        return new Partition(info.partition(), info.leader() == null || info.leader().isEmpty() ? OptionalInt.empty()
                : OptionalInt.of(info.leader().id()), info.replicas().stream().map(Node::id).toList(),
                info.isr().stream().map(Node::id).toList());
    }

    private static <T> T get(Future<T> future, Duration timeout) throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}

package dev.listening.streamer;

import dev.listening.contract.UserError;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes sure the topic exists before the query subscribes: Spark 3.5's Kafka source fails a new
 * query on a missing topic (UnknownTopicOrPartitionException), and broker auto-creation does not
 * help there. Also the first place where an unreachable Kafka shows up, as one clear line.
 */
final class KafkaTopics {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private KafkaTopics() {
    }

    static void ensureExists(String bootstrap, String topic) {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        try (Admin admin = Admin.create(config)) {
            if (admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).contains(topic)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("created topic {} with the broker's default partitions and replication", topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(bootstrap, e);
            }
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new UserError("Kafka at " + bootstrap + " refused to list or create topic " + topic + ": "
                        + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw unreachable(bootstrap, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while checking topic " + topic, e);
        }
    }

    private static UserError unreachable(String bootstrap, Exception e) {
        return new UserError("Kafka is not reachable at " + bootstrap + " (no answer within " + TIMEOUT.toSeconds() + " s)", e);
    }
}

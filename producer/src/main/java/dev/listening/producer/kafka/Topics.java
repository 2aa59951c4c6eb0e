package dev.listening.producer.kafka;

import dev.listening.contract.UserError;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Checks that a broker answers and that the topic exists, within a deadline, before producing. */
public final class Topics {
    private Topics() {
    }

    /**
     * Fails with one clear {@link UserError} when no broker answers within {@code timeout}; creates
     * the topic with {@code partitions} partitions (broker-default replication) if it is missing.
     *
     * @return true if this call created the topic
     */
    public static boolean ensure(String bootstrap, String topic, int partitions, Duration timeout) {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        try (Admin admin = open(bootstrap, timeoutMs)) {
            await(admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).clusterId(), timeout,
                    "no Kafka broker answered at " + bootstrap + " within " + timeout.toSeconds() + " s");
            NewTopic newTopic = new NewTopic(topic, Optional.of(partitions), Optional.empty());
            try {
                await(admin.createTopics(List.of(newTopic), new CreateTopicsOptions().timeoutMs(timeoutMs)).all(),
                        timeout, "cannot create topic " + topic);
                return true;
            } catch (UserError e) {
                if (e.getCause() instanceof TopicExistsException) {
                    return false;
                }
                throw e;
            }
        }
    }

    private static Admin open(String bootstrap, int timeoutMs) {
        try {
            return Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs));
        } catch (KafkaException e) {
            throw new UserError("invalid --bootstrap '" + bootstrap + "': " + rootMessage(e), e);
        }
    }

    private static <T> T await(Future<T> future, Duration timeout, String failure) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new UserError(failure, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String detail = cause instanceof org.apache.kafka.common.errors.TimeoutException ? "" : ": " + cause.getMessage();
            throw new UserError(failure + detail, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(failure + ": interrupted", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}

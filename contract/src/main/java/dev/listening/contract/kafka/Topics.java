package dev.listening.contract.kafka;

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

/**
 * Checks that a broker answers and that the topic exists, within a deadline: before producing, before
 * the streaming query subscribes (Spark 3.5's Kafka source fails a new query on a missing topic, and
 * broker auto-creation does not help there), and when the stack or a benchmark sets a topic up.
 * Only the Admin API that kafka-clients 3.4 (Spark's) and 4.x share: each user brings its own.
 */
public final class Topics {
    /** Closing waits for calls still in flight; a broker that does not answer must not hold a command. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);
    /** A connection attempt gives up after this, so a broker not up yet is retried within the deadline. */
    private static final int CONNECTION_SETUP_MS = 1_000;

    private Topics() {
    }

    /**
     * Fails with one clear {@link UserError} when no broker answers within {@code timeout}; creates
     * the topic with {@code partitions} partitions (broker-default replication) if it is missing.
     *
     * @return true if this call created the topic
     */
    public static boolean ensure(String bootstrap, String topic, int partitions, Duration timeout) {
        return ensure(KafkaClient.of(bootstrap), topic, partitions, timeout);
    }

    /** As {@link #ensure(String, String, int, Duration)}, through {@code kafka}'s client properties. */
    public static boolean ensure(KafkaClient kafka, String topic, int partitions, Duration timeout) {
        return ensure(kafka, new NewTopic(topic, Optional.of(partitions), Optional.empty()), timeout);
    }

    /** As {@link #ensure(String, String, int, Duration)}, with the broker's default number of partitions. */
    public static boolean ensure(String bootstrap, String topic, Duration timeout) {
        return ensure(KafkaClient.of(bootstrap), topic, timeout);
    }

    /** As {@link #ensure(String, String, Duration)}, through {@code kafka}'s client properties. */
    public static boolean ensure(KafkaClient kafka, String topic, Duration timeout) {
        return ensure(kafka, new NewTopic(topic, Optional.empty(), Optional.empty()), timeout);
    }

    private static boolean ensure(KafkaClient kafka, NewTopic topic, Duration timeout) {
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        String bootstrap = kafka.bootstrap();
        Admin admin = open(kafka, timeout);
        try {
            await(admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).clusterId(), timeout,
                    "no Kafka broker answered at " + bootstrap + " within " + timeout.toSeconds() + " s");
            try {
                await(admin.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs(timeoutMs)).all(),
                        timeout, "cannot create topic " + topic.name());
                return true;
            } catch (UserError e) {
                if (e.getCause() instanceof TopicExistsException) {
                    return false;
                }
                throw e;
            }
        } finally {
            admin.close(CLOSE_TIMEOUT);
        }
    }

    /** An Admin client whose every call, connection attempts included, stays within {@code timeout}. */
    public static Admin admin(String bootstrap, Duration timeout) {
        return admin(KafkaClient.of(bootstrap), timeout);
    }

    /** As {@link #admin(String, Duration)}, through {@code kafka}'s client properties. */
    public static Admin admin(KafkaClient kafka, Duration timeout) {
        int millis = (int) Math.max(1, timeout.toMillis());
        return Admin.create(kafka.properties(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(millis, CONNECTION_SETUP_MS),
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(millis, CONNECTION_SETUP_MS))));
    }

    private static Admin open(KafkaClient kafka, Duration timeout) {
        try {
            return admin(kafka, timeout);
        } catch (KafkaException e) {
            throw new UserError("invalid --bootstrap '" + kafka.bootstrap() + "' or Kafka client properties: " + rootMessage(e), e);
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

package dev.listening.stack.kafka;

import dev.listening.contract.UserError;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Topic administration against a running broker. */
public final class KafkaTopics {
    /** Closing waits for calls still in flight; a broker that does not answer must not hold a command. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    private KafkaTopics() {
    }

    static Admin admin(String bootstrap, Duration timeout) {
        int millis = (int) Math.max(1, timeout.toMillis());
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(millis, 1000),
                AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(millis, 1000)));
    }

    /** Creates the topic unless it exists; the replication factor is the broker's default. Returns true if created. */
    public static boolean ensure(String bootstrap, String topic, int partitions, Duration timeout) throws InterruptedException {
        Admin admin = admin(bootstrap, timeout);
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(partitions), Optional.empty())))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new UserError("cannot create topic " + topic + " on " + bootstrap + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new UserError("cannot create topic " + topic + ": " + bootstrap + " did not answer within "
                    + timeout.toSeconds() + " s", e);
        } finally {
            admin.close(CLOSE_TIMEOUT);
        }
    }
}

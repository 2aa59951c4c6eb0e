package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.listening.contract.CqlFile;
import dev.listening.contract.kafka.Topics;
import dev.listening.cql.Replication;
import dev.listening.cql.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Topics and keyspaces a benchmark makes for itself on the user's stack (fresh ones, so every run
 * starts from the same state), removed again when it ends.
 */
final class Scratch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scratch.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String DROP = "cql/bench/keyspace_drop.cql";

    private final String bootstrap;
    private final CqlSession session;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final List<String> topics = new ArrayList<>();
    private final List<String> keyspaces = new ArrayList<>();

    Scratch(String bootstrap, CqlSession session) {
        this.bootstrap = bootstrap;
        this.session = session;
    }

    /** For keyspaces only: {@link #topic} is not to be called. */
    Scratch(CqlSession session) {
        this(null, session);
    }

    String topic(String purpose, int partitions) {
        String topic = "bench-" + purpose + "-" + run;
        Topics.ensure(bootstrap, topic, partitions, TIMEOUT);
        topics.add(topic);
        return topic;
    }

    /** A keyspace with cql/create_db.cql applied, one replica. */
    String keyspace(String purpose) {
        return keyspace(purpose, Replication.simple(1));
    }

    String keyspace(String purpose, Replication replication) {
        String keyspace = "bench_" + purpose + "_" + run;
        Schema.load().apply(session, keyspace, replication);
        keyspaces.add(keyspace);
        return keyspace;
    }

    @Override
    public void close() throws InterruptedException {
        for (String keyspace : keyspaces) {
            session.execute(SimpleStatement.newInstance(CqlFile.classpath(DROP).inKeyspace(keyspace).cql()).setTimeout(TIMEOUT));
        }
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.deleteTopics(topics).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("could not delete the benchmark's topics {}: {}", topics, e.getMessage());
        }
    }
}

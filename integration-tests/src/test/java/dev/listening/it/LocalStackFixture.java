package dev.listening.it;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.kafka.Topics;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.Replication;
import dev.listening.cql.Schema;
import dev.listening.stack.Bootstrap;
import dev.listening.stack.LocalStack;
import dev.listening.stack.ProjectRoot;
import dev.listening.stack.ServiceReport;
import dev.listening.stack.ServiceStatus;
import dev.listening.stack.StackSettings;
import dev.listening.stack.UpReport;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.net.Ports;
import dev.listening.verify.SongFeatures;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * The real local stack for integration tests: a Kafka broker and a Cassandra node started once per
 * test JVM through the same code as `./pipeline up`, on free ports (a developer's own stack on the
 * default ports is left alone) and with a fresh PIPELINE_HOME of its own under
 * integration-tests/target/local-stack/.
 * Stopped when the JVM exits. Test classes get unique topics and keyspaces from it.
 */
public final class LocalStackFixture implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStackFixture.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration PIPELINE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static LocalStackFixture instance;
    private static RuntimeException startFailure;

    private final Path root;
    private final Path workDir;
    private final LocalStack stack;
    private final PipelineRunner pipeline;
    private CqlSession session;
    private boolean closed;

    private LocalStackFixture(Path root, Path workDir, LocalStack stack) {
        this.root = root;
        this.workDir = workDir;
        this.stack = stack;
        StackSettings s = stack.settings();
        this.pipeline = new PipelineRunner(root, workDir, Map.of(
                Env.KAFKA, s.kafka().toString(),
                Env.KAFKA_CONTROLLER_PORT, Integer.toString(s.kafkaControllerPort()),
                Env.CASSANDRA, s.cassandra().toString(),
                Env.CASSANDRA_STORAGE_PORT, Integer.toString(s.cassandraStoragePort()),
                Env.DATACENTER, s.datacenter(),
                Env.HOME, s.home().toString()),
                List.of(Env.TOPIC, Env.KEYSPACE));
    }

    /** The stack of this test JVM, started on first use. */
    public static synchronized LocalStackFixture get() {
        if (startFailure != null) {
            throw new IllegalStateException("the local stack failed to start earlier in this test run", startFailure);
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "local-stack-fixture-stop"));
        }
        return instance;
    }

    private static LocalStackFixture start() {
        Path root = ProjectRoot.get();
        Path runDir = RunDirs.fresh("local-stack");
        Path home = RunDirs.home(runDir);
        Path workDir = createDirectories(runDir.resolve("work"));
        List<Integer> ports = Ports.free(4);
        LocalStack stack = new LocalStack(new StackSettings(root, home,
                new HostPort(Env.DEFAULT_HOST, ports.get(0)), ports.get(1),
                new HostPort(Env.DEFAULT_HOST, ports.get(2)), ports.get(3), Env.DEFAULT_DATACENTER));
        UpReport report = stack.up(new Bootstrap(Names.TOPIC, 1, Names.KEYSPACE, Replication.simple(1)), READY_TIMEOUT);
        for (ServiceReport service : report.services()) {
            LOG.info("{} ready in {} ms on {} (pid {})", service.name(), service.readyIn().toMillis(),
                    service.ports().get(0).endpoint(), service.pid());
        }
        return new LocalStackFixture(root, workDir, stack);
    }

    /** "127.0.0.1:port" of the broker. */
    public String kafkaBootstrap() {
        return stack.settings().kafka().toString();
    }

    /** "127.0.0.1:port" of the node's CQL port. */
    public String cassandraContactPoint() {
        return stack.settings().cassandra().toString();
    }

    public String datacenter() {
        return stack.settings().datacenter();
    }

    /** Each service of the stack: its pid and the ports it was told to bind. */
    public List<ServiceStatus> services() throws InterruptedException {
        return stack.status(LocalStack.PROBE_TIMEOUT);
    }

    /** The project root: data/, cql/, the build outputs. */
    public Path root() {
        return root;
    }

    /** The songs of data/spotify-songs.csv, which the streamers the tests start join: what verify compares rows with. */
    public SongFeatures songs() {
        return SongFeatures.load(root.resolve(StreamerOptions.DEFAULT_SONGS));
    }

    /** Scratch space of this test run, under integration-tests/target/, emptied when the run starts. */
    public Path workDir() {
        return workDir;
    }

    /** A topic no other test uses, created (every partition has its leader) before this returns. */
    public String newTopic(String prefix, int partitions) {
        String topic = prefix + "-" + NAMES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (!Topics.ensure(kafkaBootstrap(), topic, partitions, REQUEST_TIMEOUT)) {
            throw new IllegalStateException("topic " + topic + " existed already");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap()))) {
            await("leaders of " + topic).atMost(REQUEST_TIMEOUT).until(() -> hasLeaders(admin, topic, partitions));
        }
        return topic;
    }

    private static boolean hasLeaders(Admin admin, String topic, int partitions) throws InterruptedException {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return description.partitions().size() == partitions
                    && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** A keyspace no other test uses, with cql/create_db.cql applied (SimpleStrategy, one replica). */
    public String newKeyspace(String prefix) {
        String cleaned = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        String keyspace = (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0)) ? "k" + cleaned : cleaned);
        String suffix = "_" + NAMES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
        keyspace = keyspace.substring(0, Math.min(keyspace.length(), 48 - suffix.length())) + suffix;
        Schema.load().apply(cassandraContactPoint(), datacenter(), REQUEST_TIMEOUT, CassandraCredentials.current(), keyspace,
                Replication.simple(1));
        return keyspace;
    }

    /** A session shared by all tests, bound to no keyspace. Do not close it. */
    public synchronized CqlSession session() {
        if (session == null) {
            session = CassandraSessions.open(cassandraContactPoint(), datacenter(), REQUEST_TIMEOUT);
        }
        return session;
    }

    /** `./pipeline ARGS` against this stack (PIPELINE_KAFKA, PIPELINE_CASSANDRA, PIPELINE_HOME point at it). */
    public ProcessResult runPipeline(String... args) {
        return runPipeline(PIPELINE_TIMEOUT, args);
    }

    public ProcessResult runPipeline(Duration timeout, String... args) {
        return pipeline.run(timeout, args);
    }

    /** Stops the stack; the shutdown hook does it at the end of the test JVM. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (session != null) {
            session.close();
        }
        stack.close();
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

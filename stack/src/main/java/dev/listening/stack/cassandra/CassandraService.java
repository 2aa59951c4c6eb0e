package dev.listening.stack.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.CassandraCredentials;
import dev.listening.cql.CassandraSessions;
import dev.listening.stack.ConfiguredService;
import dev.listening.stack.net.Ports;
import dev.listening.stack.process.ClassArchives;
import dev.listening.stack.process.JvmCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A Cassandra node of the local stack: the one node, or one node of a ring (named cassandra-N). */
public final class CassandraService extends ConfiguredService<CassandraConfig> {
    public static final String NAME = CassandraCredentials.LOCAL_NODE_DIR;
    private static final Logger LOG = LoggerFactory.getLogger(CassandraService.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final String datacenter;

    public CassandraService(CassandraConfig config, String datacenter) {
        this(NAME, config, datacenter);
    }

    public CassandraService(String name, CassandraConfig config, String datacenter) {
        super(name, NAME, config);
        this.datacenter = datacenter;
    }

    /** The name of the ring's node number {@code number} (from 1). */
    public static String nodeName(int number) {
        return NAME + "-" + number;
    }

    @Override
    public void prepare(Path java, String classpath, ClassArchives archives) {
        try {
            Files.createDirectories(config().storageDir());
            Files.createDirectories(config().tmpDir());
            Files.writeString(configFile(), configuration());
            Files.writeString(config().logbackFile(), config().logback());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public JvmCommand command(Path java, String classpath) {
        return new JvmCommand(java, config().jvmOptions(), classpath, CassandraConfig.MAIN_CLASS, List.of());
    }

    /** The node is ready when the driver opens a session on the CQL port (it queries system tables to do so). */
    @Override
    public boolean ready(Duration timeout) {
        if (!Ports.accepting(config().cql(), CONNECT_TIMEOUT)) {
            return false;
        }
        CqlSession session;
        try {
            session = CassandraSessions.open(config().cql().toString(), datacenter, timeout, DefaultConsistencyLevel.LOCAL_ONE,
                    CassandraCredentials.read(dir().resolve(CassandraCredentials.FILE_NAME)));
        } catch (CassandraSessions.AuthenticationFailed e) {
            // it answers, and asks for a password: ready, though the role of ./pipeline up --auth may not exist yet
            return true;
        } catch (RuntimeException e) {
            LOG.debug("cassandra not ready yet", e);
            return false;
        }
        try (session) {
            return !session.getMetadata().getNodes().isEmpty();
        }
    }
}

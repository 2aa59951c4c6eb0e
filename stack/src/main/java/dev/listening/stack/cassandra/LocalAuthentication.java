package dev.listening.stack.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.CqlFile;
import dev.listening.contract.UserError;
import dev.listening.cql.CassandraSessions;
import dev.listening.stack.process.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * ./pipeline up --auth: the local node with PasswordAuthenticator and a role of ours. The role's
 * password is generated before the node starts (its presence makes the node authenticate); once the
 * node answers, the role is created through the default superuser, which then loses its login.
 */
public final class LocalAuthentication {
    /** The role ./pipeline up --auth creates. */
    public static final String ROLE = "pipeline";
    private static final Logger LOG = LoggerFactory.getLogger(LocalAuthentication.class);
    /** Cassandra's default superuser, created at the first start of a node with PasswordAuthenticator. */
    private static final CassandraCredentials DEFAULT_SUPERUSER = new CassandraCredentials("cassandra", "cassandra");
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final String CREATE_ROLE = "cql/stack/role_create.cql";
    private static final String LOCK_OUT = "cql/stack/role_lock_out.cql";
    private static final String ROLE_MARKER = "role";
    private static final String PASSWORD_MARKER = "password";

    private LocalAuthentication() {
    }

    /** Makes the local node under {@code home} authenticate from its next start on; harmless when it already does. */
    public static void require(Path home) {
        if (CassandraCredentials.read(CassandraCredentials.file(home)).isEmpty()) {
            CassandraCredentials.generate(ROLE).write(home);
        }
    }

    /**
     * The credentials the stack under {@code home} connects with: none for a node without
     * authentication; for one with it, the role of ours, created first if the node is new.
     */
    public static Optional<CassandraCredentials> ensureRole(String contactPoints, String datacenter, Path home, Duration timeout) {
        Optional<CassandraCredentials> ours = CassandraCredentials.read(CassandraCredentials.file(home));
        if (ours.isEmpty()) {
            return ours;
        }
        try (CqlSession session = open(contactPoints, datacenter, timeout, ours.get())) {
            return ours;
        } catch (CassandraSessions.AuthenticationFailed notYet) {
            LOG.info("creating the Cassandra role {}", ROLE);
        }
        createRole(contactPoints, datacenter, timeout, ours.get());
        return ours;
    }

    private static void createRole(String contactPoints, String datacenter, Duration timeout, CassandraCredentials ours) {
        Deadline deadline = Deadline.in(timeout);
        try (CqlSession session = openAsDefaultSuperuser(contactPoints, datacenter, timeout, deadline)) {
            session.execute(CqlFile.classpath(CREATE_ROLE).withLiterals(Map.of(ROLE_MARKER, ours.user(), PASSWORD_MARKER, ours.password())));
        }
        try (CqlSession session = open(contactPoints, datacenter, timeout, ours)) {
            String unknown = CassandraCredentials.generate(DEFAULT_SUPERUSER.user()).password();
            session.execute(CqlFile.classpath(LOCK_OUT).withLiterals(Map.of(ROLE_MARKER, DEFAULT_SUPERUSER.user(), PASSWORD_MARKER, unknown)));
        }
    }

    /** The default superuser appears shortly after the node answers. */
    private static CqlSession openAsDefaultSuperuser(String contactPoints, String datacenter, Duration timeout, Deadline deadline) {
        while (true) {
            try {
                return open(contactPoints, datacenter, timeout, DEFAULT_SUPERUSER);
            } catch (CassandraSessions.AuthenticationFailed e) {
                if (deadline.expired()) {
                    throw new UserError("the local Cassandra node takes neither the password of its role " + ROLE
                            + " nor its default superuser's; ./pipeline down --purge starts it afresh", e);
                }
                sleep();
            }
        }
    }

    private static CqlSession open(String contactPoints, String datacenter, Duration timeout, CassandraCredentials credentials) {
        return CassandraSessions.open(contactPoints, datacenter, timeout, DefaultConsistencyLevel.LOCAL_ONE, Optional.of(credentials));
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the default superuser", e);
        }
    }
}

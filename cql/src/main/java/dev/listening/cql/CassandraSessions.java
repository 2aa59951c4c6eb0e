package dev.listening.cql;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.contract.options.CassandraOptions;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Opens driver sessions from the "host:port[,host:port]" contact points the CLI takes. */
public final class CassandraSessions {
    /**
     * The driver holds a schema change event this long to merge it with the next, and a DDL
     * statement returns only after that refresh: at the default 1 s, applying cql/create_db.cql
     * (7 statements) took 7 s per keyspace; at 100 ms, about 2.
     */
    private static final Duration SCHEMA_EVENT_WINDOW = Duration.ofMillis(100);

    private CassandraSessions() {
    }

    public static List<InetSocketAddress> contactPoints(String hostPorts) {
        return Arrays.stream(hostPorts.split(","))
                .map(String::strip)
                .map(CassandraSessions::hostPort)
                .toList();
    }

    /** A session on the Cassandra of a command's options. */
    public static CqlSession open(CassandraOptions options, Duration requestTimeout, DefaultConsistencyLevel consistency) {
        return open(options.cassandra(), options.datacenter(), requestTimeout, consistency);
    }

    /** The credentials of a node with PasswordAuthenticator were refused, or none were given. */
    public static final class AuthenticationFailed extends UserError {
        AuthenticationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A session, or a {@link UserError} that names the contact points when no node answers. */
    public static CqlSession open(String hostPorts, String datacenter, Duration requestTimeout) {
        return open(hostPorts, datacenter, requestTimeout, DefaultConsistencyLevel.LOCAL_ONE);
    }

    /**
     * A session whose statements run at {@code consistency} by default: LOCAL_QUORUM on a cluster
     * written at LOCAL_QUORUM, so that every read sees every acknowledged write.
     */
    public static CqlSession open(String hostPorts, String datacenter, Duration requestTimeout, DefaultConsistencyLevel consistency) {
        return open(hostPorts, datacenter, requestTimeout, consistency, CassandraCredentials.current());
    }

    /**
     * With {@code credentials} for a node with PasswordAuthenticator: the ones of the environment
     * (PIPELINE_CASSANDRA_USER/PASSWORD or the file of ./pipeline up --auth) unless a caller knows better.
     */
    public static CqlSession open(String hostPorts, String datacenter, Duration requestTimeout, DefaultConsistencyLevel consistency,
                                  Optional<CassandraCredentials> credentials) {
        return open(hostPorts, datacenter, requestTimeout, consistency, credentials, DriverConfigLoader.programmaticBuilder());
    }

    /**
     * A session to change the schema of {@code keyspace} with: after each statement the driver still waits until every
     * node agrees on the schema, but refreshes its copy of that keyspace's schema alone, not of every keyspace the
     * cluster holds (each test and benchmark makes its own, so a full refresh costs more with every run).
     */
    static CqlSession openForSchema(String hostPorts, String datacenter, Duration requestTimeout,
                                           Optional<CassandraCredentials> credentials, String keyspace) {
        return open(hostPorts, datacenter, requestTimeout, DefaultConsistencyLevel.LOCAL_ONE, credentials,
                DriverConfigLoader.programmaticBuilder().withStringList(DefaultDriverOption.METADATA_SCHEMA_REFRESHED_KEYSPACES, List.of(keyspace)));
    }

    private static CqlSession open(String hostPorts, String datacenter, Duration requestTimeout, DefaultConsistencyLevel consistency,
                                   Optional<CassandraCredentials> credentials, ProgrammaticDriverConfigLoaderBuilder config) {
        CqlSessionBuilder builder = CqlSession.builder()
                .addContactPoints(contactPoints(hostPorts))
                .withLocalDatacenter(datacenter)
                .withConfigLoader(config
                        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, consistency.name())
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout)
                        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, requestTimeout)
                        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, requestTimeout)
                        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, SCHEMA_EVENT_WINDOW)
                        // by default close() waits 2 s of Netty quiet period after its connections are closed, for nothing
                        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
                        .build());
        credentials.ifPresent(c -> builder.withAuthCredentials(c.user(), c.password()));
        try {
            return builder.build();
        } catch (AllNodesFailedException e) {
            if (errors(e).anyMatch(AuthenticationException.class::isInstance)) {
                throw new AuthenticationFailed(credentials.map(c -> "Cassandra at " + hostPorts + " refused the password of "
                        + c.user() + " (check " + Env.CASSANDRA_USER + " and " + Env.CASSANDRA_PASSWORD + ")").orElse(
                        "Cassandra at " + hostPorts + " requires a user: set " + Env.CASSANDRA_USER + " and "
                                + Env.CASSANDRA_PASSWORD + " (./pipeline up --auth keeps them in $" + Env.HOME + "/"
                                + CassandraCredentials.LOCAL_NODE_DIR + "/" + CassandraCredentials.FILE_NAME + ")"), e);
            }
            throw new UserError("Cassandra is not reachable at " + hostPorts + " (" + firstCause(e) + ")", e);
        }
    }

    private static Stream<Throwable> errors(AllNodesFailedException e) {
        return e.getAllErrors().values().stream().flatMap(List::stream);
    }

    private static String firstCause(AllNodesFailedException e) {
        return errors(e)
                .map(t -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage())
                .findFirst().orElse("no node answered");
    }

    private static InetSocketAddress hostPort(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new UserError("'" + text + "' is not host:port");
        }
        try {
            return new InetSocketAddress(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new UserError("'" + text + "' is not host:port");
        }
    }
}

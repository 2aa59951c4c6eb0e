package dev.listening.cql;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.CassandraCredentials;
import dev.listening.contract.Names;
import dev.listening.contract.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cql/create_db.cql, applied to a keyspace of the caller's choosing. The file names the default
 * keyspace ({@link Names#KEYSPACE}) so that cqlsh users can run it as it is; here that name and the
 * replication map are swapped for the ones asked for, and nothing else is touched.
 */
public final class Schema {
    public static final String RESOURCE = "cql/create_db.cql";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");
    private static final Pattern REPLICATION = Pattern.compile("replication\\s*=\\s*\\{[^}]*}");

    private final List<String> statements;

    private Schema(String script) {
        this.statements = Arrays.stream(COMMENT.matcher(script).replaceAll("").split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public static Schema load() {
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new Schema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statements of the script for this keyspace and replication, in order. */
    public List<String> statementsFor(String keyspace, Replication replication) {
        checkKeyspace(keyspace);
        Pattern defaultKeyspace = Pattern.compile("\\b" + Names.KEYSPACE + "\\b");
        return statements.stream()
                .map(s -> defaultKeyspace.matcher(s).replaceAll(Matcher.quoteReplacement(keyspace)))
                .map(s -> REPLICATION.matcher(s).replaceAll(Matcher.quoteReplacement("replication = " + replication.toCql())))
                .toList();
    }

    /** The keyspace name, if it is one this project creates and queries: a lower-case CQL identifier. */
    public static String checkKeyspace(String keyspace) {
        if (!IDENTIFIER.matcher(keyspace).matches()) {
            throw new UserError("keyspace '" + keyspace + "' is not a lower-case CQL identifier (letters, digits, _)");
        }
        return keyspace;
    }

    /**
     * Applies the script on a session of its own, which refreshes only {@code keyspace}'s schema after each statement
     * ({@link CassandraSessions#openForSchema}); the driver still waits until every node agrees.
     */
    public void apply(String hostPorts, String datacenter, Duration requestTimeout, Optional<CassandraCredentials> credentials,
                      String keyspace, Replication replication) {
        try (CqlSession session = CassandraSessions.openForSchema(hostPorts, datacenter, requestTimeout, credentials, keyspace)) {
            apply(session, keyspace, replication);
        }
    }

    public void apply(CqlSession session, String keyspace, Replication replication) {
        for (String statement : statementsFor(keyspace, replication)) {
            session.execute(statement);
        }
    }
}

package dev.listening.contract;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A Cassandra role and its password, for a node with PasswordAuthenticator. Read from
 * PIPELINE_CASSANDRA_USER / PIPELINE_CASSANDRA_PASSWORD, or else from the file ./pipeline up --auth
 * writes (mode 600) next to the local node's data. The password never appears in {@link #toString()}.
 */
public record CassandraCredentials(String user, String password) {
    /** In the local node's directory under $PIPELINE_HOME: a purge of the node's data takes its role's password along. */
    public static final String FILE_NAME = "credentials.properties";
    /** The local node's directory under $PIPELINE_HOME (the stack's name for the service). */
    public static final String LOCAL_NODE_DIR = "cassandra";
    private static final String USER_KEY = "user";
    private static final String PASSWORD_KEY = "password";

    public CassandraCredentials {
        if (user == null || user.isBlank() || password == null || password.isEmpty()) {
            throw new UserError("a Cassandra user needs a name and a password (" + Env.CASSANDRA_USER + ", "
                    + Env.CASSANDRA_PASSWORD + ")");
        }
    }

    /** The variables, else the file under {@code home}, else none (a node without authentication). */
    public static Optional<CassandraCredentials> resolve(Map<String, String> environment, Path home) {
        String user = environment.get(Env.CASSANDRA_USER);
        String password = environment.get(Env.CASSANDRA_PASSWORD);
        if (user != null || password != null) {
            if (user == null || password == null) {
                throw new UserError("set both " + Env.CASSANDRA_USER + " and " + Env.CASSANDRA_PASSWORD + ", or neither");
            }
            return Optional.of(new CassandraCredentials(user, password));
        }
        return read(file(home));
    }

    /** Where ./pipeline up --auth keeps them: $PIPELINE_HOME/cassandra/credentials.properties. */
    public static Path file(Path home) {
        return home.resolve(LOCAL_NODE_DIR).resolve(FILE_NAME);
    }

    /** As {@link #resolve} for this process: its environment, and the home under the project root. */
    public static Optional<CassandraCredentials> current() {
        Path root = Path.of(System.getProperty(Env.ROOT_PROPERTY, "."));
        return resolve(System.getenv(), root.resolve(System.getenv().getOrDefault(Env.HOME, Env.DEFAULT_HOME)));
    }

    /** A new role for ./pipeline up --auth, with a random password of URL-safe letters (nothing to escape in CQL). */
    public static CassandraCredentials generate(String user) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return new CassandraCredentials(user, Base64.getUrlEncoder().withoutPadding().encodeToString(random).replace('-', 'x')
                .replace('_', 'y'));
    }

    /** The file's, or none when there is no file. */
    public static Optional<CassandraCredentials> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UserError("cannot read the Cassandra credentials in " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(new CassandraCredentials(properties.getProperty(USER_KEY), properties.getProperty(PASSWORD_KEY)));
    }

    /** Writes them to {@code home}'s file, readable by its owner only from the moment it exists. */
    public Path write(Path home) {
        Path file = file(home);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "credentials", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Properties properties = new Properties();
            properties.setProperty(USER_KEY, user);
            properties.setProperty(PASSWORD_KEY, password);
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Cassandra role of ./pipeline up --auth");
            }
            return Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables that hand them to a child process: its environment, never its arguments. */
    public Map<String, String> environment() {
        return Map.of(Env.CASSANDRA_USER, user, Env.CASSANDRA_PASSWORD, password);
    }

    @Override
    public String toString() {
        return "CassandraCredentials[user=" + user + ", password=***]";
    }
}

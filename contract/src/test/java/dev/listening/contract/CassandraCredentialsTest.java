package dev.listening.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

class CassandraCredentialsTest {
    @TempDir
    Path home;

    @Test
    void noVariablesAndNoFileMeanANodeWithoutAuthentication() {
        assertEquals(Optional.empty(), CassandraCredentials.resolve(Map.of(), home));
    }

    @Test
    void theFileIsWrittenForItsOwnerOnlyAndReadBack() throws IOException {
        CassandraCredentials generated = CassandraCredentials.generate("pipeline");
        Path file = generated.write(home);

        assertEquals(CassandraCredentials.file(home), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of(generated), CassandraCredentials.resolve(Map.of(), home));
    }

    @Test
    void theVariablesWinOverTheFile() {
        CassandraCredentials.generate("pipeline").write(home);

        assertEquals(Optional.of(new CassandraCredentials("ada", "s3cret")), CassandraCredentials.resolve(
                Map.of(Env.CASSANDRA_USER, "ada", Env.CASSANDRA_PASSWORD, "s3cret"), home));
    }

    @Test
    void aUserWithoutAPasswordIsRejectedWithOneLine() {
        UserError e = assertThrows(UserError.class,
                () -> CassandraCredentials.resolve(Map.of(Env.CASSANDRA_USER, "ada"), home));
        assertEquals("set both PIPELINE_CASSANDRA_USER and PIPELINE_CASSANDRA_PASSWORD, or neither", e.getMessage());
    }

    @Test
    void thePasswordNeverShowsInTextButReachesAChildsEnvironment() {
        CassandraCredentials credentials = CassandraCredentials.generate("pipeline");

        assertFalse(credentials.toString().contains(credentials.password()), credentials.toString());
        assertEquals(credentials.password(), credentials.environment().get(Env.CASSANDRA_PASSWORD));
    }

    @Test
    void generatedPasswordsAreLongRandomAndNeedNoQuotingInCql() {
        String first = CassandraCredentials.generate("pipeline").password();

        assertNotEquals(first, CassandraCredentials.generate("pipeline").password());
        assertTrue(first.matches("[A-Za-z0-9]{32}"), first);
    }
}

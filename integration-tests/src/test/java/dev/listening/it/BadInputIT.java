package dev.listening.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input to every command, as a user types it: one "error:" line on stderr, exit code not 0,
 * no stack trace, and nothing half-written.
 */
class BadInputIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static LocalStackFixture stack;
    private static String nobodyListens;

    @BeforeAll
    static void stack() throws IOException {
        stack = LocalStackFixture.get();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobodyListens = "127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static void failsWithOneLine(String expected, String... args) {
        ProcessResult result = stack.runPipeline(TIMEOUT, args);
        String command = String.join(" ", args);
        assertNotEquals(0, result.exitCode(), command + " should fail\n" + result.stderr());
        List<String> errors = result.stderr().lines().filter(l -> l.startsWith("error: ") || l.contains("Invalid value")
                || l.startsWith("Unknown") || l.startsWith("Missing")).toList();
        assertEquals(1, errors.size(), command + ": expected one error line in\n" + result.stderr());
        assertTrue(errors.get(0).contains(expected), command + ": '" + errors.get(0) + "' should mention '" + expected + "'");
        assertFalse(result.stderr().lines().anyMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by:")),
                command + ": no stack trace expected in\n" + result.stderr());
    }

    @Test
    void queryRejectsADateThatIsNotADate() {
        failsWithOneLine("2024-13-01", "query", "songs", "--user", "Ada", "--date", "2024-13-01", "--hour", "1");
    }

    @Test
    void queryRejectsHour24() {
        failsWithOneLine("24", "query", "songs", "--user", "Ada", "--date", "2024-03-03", "--hour", "24");
    }

    @Test
    void queryRejectsAnUnknownQuery() {
        failsWithOneLine("everything", "query", "everything");
    }

    @Test
    void queryAgainstACassandraThatIsNotThereLeavesTheOutputAlone() throws IOException {
        Path out = Files.createTempDirectory(stack.workDir(), "bad-input-out");
        Path previous = Files.writeString(out.resolve("output_full.txt"), "previous result\n");
        failsWithOneLine(nobodyListens, "query", "sample", "--cassandra", nobodyListens, "--out-dir", out.toString());
        assertEquals("previous result\n", Files.readString(previous));
        try (var files = Files.list(out)) {
            assertEquals(List.of(previous), files.toList());
        }
    }

    @Test
    void produceRejectsANegativeRate() {
        failsWithOneLine("-5", "produce", "--rate", "-5", "--limit", "1");
    }

    @Test
    void produceNamesAMissingSongsFile() {
        failsWithOneLine("no-such.csv", "produce", "--songs", "/nonexistent/no-such.csv", "--limit", "1");
    }

    @Test
    void produceGivesUpOnAnUnreachableBrokerWithinItsDeadline() {
        failsWithOneLine(nobodyListens, "produce", "--bootstrap", nobodyListens, "--limit", "1", "--connect-timeout", "3s");
    }

    @Test
    void verifyGivesUpOnAnUnreachableBroker() {
        failsWithOneLine(nobodyListens, "verify", "--bootstrap", nobodyListens);
    }

    @Test
    void upRefusesAPortInUse() {
        failsWithOneLine(stack.kafkaBootstrap().substring(stack.kafkaBootstrap().indexOf(':') + 1),
                "up", "--kafka", stack.kafkaBootstrap(), "--cassandra", nobodyListens,
                "--home", stack.workDir().resolve("bad-input-home").toString());
    }

    @Test
    void schemaRejectsAnUnknownReplicationStrategy() {
        failsWithOneLine("EverywhereStrategy", "schema", "--replication", "EverywhereStrategy:1");
    }

    @Test
    void demoRejectsZeroEventsBeforeStartingAnything() {
        failsWithOneLine("--events", "demo", "--events", "0");
    }
}

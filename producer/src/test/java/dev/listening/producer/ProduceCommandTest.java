package dev.listening.producer;

import dev.listening.contract.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is rejected with one line and exit 1 before any connection: the bootstrap here has no broker. */
class ProduceCommandTest {
    private static final String NO_BROKER = "127.0.0.1:9";
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--rate|foo|'foo' is not a number of events per second nor 'max'",
            "--rate|-5|'-5' is not a positive number of events per second",
            "--rate|0|'0' is not a positive number of events per second",
            "--limit|-1|--limit must not be negative, not -1",
            "--limit|ten|Invalid value for option '--limit'",
            "--partitions|0|--partitions must be at least 1, not 0",
            "--duration|0s|'0s' is not a positive duration",
            "--connect-timeout|soon|'soon' is not a positive duration",
            "--listeners|-3|--listeners must not be negative, not -3",
            "--start|yesterday|Invalid value for option '--start'",
            "--songs|/nonexistent/songs.csv|songs file not found: /nonexistent/songs.csv",
    })
    void badOptionValuesAreOneLineAndExitOne(String option, String value, String expected) {
        int exit = Cli.execute(new ProduceCommand(), "--bootstrap", NO_BROKER, option, value);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, stderr);
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.startsWith("error: ") && stderr.contains(expected), stderr);
    }

    @Test
    void noListenersAtAllIsRejected() {
        int exit = Cli.execute(new ProduceCommand(), "--bootstrap", NO_BROKER, "--listeners", "0");
        assertEquals(1, exit);
        assertEquals("error: no listeners: give --listeners N (N > 0) or --user NAME", err.toString().strip());
    }

    @Test
    void helpListsEveryOptionTheIssueAsksFor() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Cli.execute(new ProduceCommand(), "--help"));
        } finally {
            System.setOut(originalOut);
        }
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--bootstrap", "--topic", "--partitions", "--rate", "--limit", "--duration",
                "--listeners", "--user", "--seed", "--start", "--songs", "--connect-timeout", "--verbose"}) {
            assertTrue(help.contains(option), option + " missing from --help");
        }
    }
}

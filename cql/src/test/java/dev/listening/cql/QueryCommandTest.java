package dev.listening.cql;

import dev.listening.contract.Cli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is refused in one line, before any connection, and the previous results stay as they were. */
class QueryCommandTest {
    @TempDir
    Path outDir;
    private Map<String, String> before;

    @BeforeEach
    void previousResults() throws IOException {
        for (String name : List.of("output_full.txt", "output_simple.txt", "output_agg.txt", "output_simple.json")) {
            Files.writeString(outDir.resolve(name), "previous " + name + "\n");
        }
        before = contents();
    }

    @Test
    void aDateThatIsNotADate() throws IOException {
        refused("--date '2024-02-30' is not a date (YYYY-MM-DD)", "songs", "--user", "ann", "--date", "2024-02-30", "--hour", "1");
    }

    @Test
    void anHourOutsideTheDay() throws IOException {
        refused("--hour '24' is not an hour of the day (0-23)", "averages", "--user", "ann", "--date", "2024-02-03", "--hour", "24");
    }

    @Test
    void anUnknownQuery() throws IOException {
        refused("unknown query 'top': expected sample, songs, averages or partitions, or --file FILE.cql", "top");
    }

    @Test
    void aDateWithoutTheUser() throws IOException {
        refused("songs needs --user, --date and --hour together, or none of them for the most recent present",
                "songs", "--date", "2024-02-03", "--hour", "3");
    }

    @Test
    void anUnknownFormat() throws IOException {
        refused("--format 'xml' is not one of text, csv, json", "sample", "--format", "xml");
    }

    @Test
    void aKeyspaceThatIsNotAnIdentifier() throws IOException {
        refused("keyspace 'x; DROP' is not a lower-case CQL identifier (letters, digits, _)", "sample", "--keyspace", "x; DROP");
    }

    @Test
    void cassandraDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String error = run("songs", "--user", "ann", "--date", "2024-02-03", "--hour", "3", "--cassandra", "127.0.0.1:" + closedPort);
        assertTrue(error.startsWith("error: Cassandra is not reachable at 127.0.0.1:" + closedPort), error);
        assertEquals(before, contents());
    }

    private void refused(String message, String... args) throws IOException {
        assertEquals("error: " + message + "\n", run(args));
        assertEquals(before, contents());
    }

    /** Runs the command as ./pipeline does; returns what it printed on stderr, after checking the exit code and that one line. */
    private String run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out-dir", outDir.toString()));
        if (!all.contains("--cassandra")) {
            all.addAll(List.of("--cassandra", "127.0.0.1:1"));
        }
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            exit = Cli.execute(new QueryCommand(), all.toArray(String[]::new));
        } finally {
            System.setErr(err);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, printed);
        assertEquals(1, printed.lines().count(), printed);
        return printed;
    }

    private Map<String, String> contents() throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (var files = Files.list(outDir)) {
            for (Path file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return contents;
    }
}

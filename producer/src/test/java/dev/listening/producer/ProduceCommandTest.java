package dev.listening.producer;

import dev.listening.contract.Cli;
import dev.listening.contract.EventJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is rejected with one line and exit 1 before any connection: the bootstrap here has no broker. */
class ProduceCommandTest {
    private static final String NO_BROKER = "127.0.0.1:9";
    private static final String SONGS = Path.of("..", "data", "spotify-songs.csv").toString();
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
            "--scenario|journeys|'journeys' is not a scenario; choose one of uniform, sessions",
            "--speed|0|'0' is not a positive number of times real time nor 'max'",
            "--backfill|7 days|'7 days' is not a positive duration",
            "--from|/nonexistent/events.jsonl.gz|events file not found: /nonexistent/events.jsonl.gz",
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

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--scenario sessions --rate 5|--rate is for the uniform scenario; sessions follows its clock",
            "--speed 60|--speed needs --start or --backfill with the uniform scenario",
            "--from x.jsonl.gz --seed 3 --rate max|--from replays a file as it is: --rate, --seed cannot apply",
    })
    void optionsThatDoNotGoTogetherAreRejected(String args, String expected) {
        List<String> command = new ArrayList<>(List.of("--bootstrap", NO_BROKER));
        command.addAll(List.of(args.split(" ")));
        int exit = Cli.execute(new ProduceCommand(), command.toArray(String[]::new));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, stderr);
        assertTrue(stderr.startsWith("error: " + expected), stderr);
    }

    @Test
    void theSameSeedAndOptionsWriteByteIdenticalFilesWithoutABroker(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first.jsonl.gz");
        Path second = dir.resolve("second.jsonl.gz");
        for (Path out : List.of(first, second)) {
            assertEquals(0, Cli.execute(new ProduceCommand(), "--bootstrap", NO_BROKER, "--scenario", "sessions",
                    "--listeners", "40", "--seed", "11", "--start", "2024-03-03T00:00:00Z", "--backfill", "2d",
                    "--songs", SONGS, "--out", out.toString()), err.toString(StandardCharsets.UTF_8));
        }
        assertEquals(-1, Files.mismatch(first, second));
        List<String> lines;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(first)), StandardCharsets.UTF_8))) {
            lines = reader.lines().toList();
        }
        assertTrue(lines.size() > 500, "events: " + lines.size());
        long start = Instant.parse("2024-03-03T00:00:00Z").toEpochMilli();
        for (String line : lines) {
            long ts = EventJson.fromBytes(line.getBytes(StandardCharsets.UTF_8)).ts();
            assertTrue(ts >= start && ts < start + Duration.ofDays(2).toMillis(), line);
        }
    }

    @Test
    void aUniformBackfillIsOneEventPerIntervalOfThePeriodExactly(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("uniform.jsonl.gz");
        assertEquals(0, Cli.execute(new ProduceCommand(), "--bootstrap", NO_BROKER, "--rate", "0.5", "--seed", "2",
                "--start", "2024-03-03T10:00:00Z", "--backfill", "1h", "--songs", SONGS, "--out", out.toString()));
        List<Long> ts = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(out)), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                ts.add(EventJson.fromBytes(line.getBytes(StandardCharsets.UTF_8)).ts());
            }
        }
        // one hour at one event every 2 s: 1800 events, from 10:00:00 to 10:59:58
        assertEquals(1800, ts.size());
        assertEquals(Instant.parse("2024-03-03T10:00:00Z").toEpochMilli(), ts.get(0));
        assertEquals(Instant.parse("2024-03-03T10:59:58Z").toEpochMilli(), ts.get(ts.size() - 1));
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
                "--listeners", "--user", "--seed", "--start", "--songs", "--connect-timeout", "--verbose",
                "--scenario", "--speed", "--backfill", "--out", "--from"}) {
            assertTrue(help.contains(option), option + " missing from --help");
        }
    }
}

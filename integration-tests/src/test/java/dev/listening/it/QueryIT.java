package dev.listening.it;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.Names;
import dev.listening.contract.SongColumn;
import dev.listening.cql.QueryCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ./pipeline query on the real Cassandra: known plays are written straight into a fresh keyspace,
 * each query runs through the command as users run it, and what it writes is compared with answers
 * computed here from the same plays.
 */
class QueryIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double TOLERANCE = 1e-9;

    private static final String OCONNOR = "O'Connor";
    /** Sorts before "Émile" (Z < É in UTF-16), so it wins the tie for the most recent hour. */
    private static final String INJECTION = "Zoë \"; DROP TABLE listening_history; --";
    private static final String EMILE = "Émile";
    private static final String FILLER = "filler";

    /** Plays; a null feature array is a song the streamer could not join (all features null). */
    private static final List<Play> PLAYS = new ArrayList<>(List.of(
            new Play(OCONNOR, "2024-05-01T13:05:00Z", "Hello", "Adele", "25", new double[] {0.481, 0.451, 78.2, 0.336, 0.289}),
            new Play(OCONNOR, "2024-05-01T13:24:10.250Z", "戦場のメリークリスマス", "坂本龍一", "Coda", new double[] {0.25, 0.1, 80.5, 0.9, 0.2}),
            new Play(OCONNOR, "2024-05-01T13:40:00Z", "Crazy In Love", "Beyoncé, JAY-Z", "Dangerously In Love", new double[] {0.646, 0.709, 99.2, 0.00239, 0.7}),
            new Play(OCONNOR, "2024-05-01T13:59:59.999Z", "Not In The Song List", "Nobody", null, null),
            new Play(OCONNOR, "2024-05-01T14:00:00Z", "Next Hour", "Adele", "30", new double[] {0.5, 0.5, 120.0, 0.5, 0.5}),
            new Play(INJECTION, "2024-05-02T09:10:00Z", "Café del Mar", "Energy 52", "Café", new double[] {0.7, 0.8, 130.0, 0.05, 0.6}),
            new Play(INJECTION, "2024-05-02T09:20:00Z", "Jolene", "Dolly Parton", "Jolene", null),
            new Play(EMILE, "2024-05-02T09:30:00Z", "La Vie en rose", "Édith Piaf", "Chansons", new double[] {0.4, 0.2, 110.0, 0.8, 0.5}),
            new Play("Ann", "2024-05-01T23:59:00Z", "Late", "Owl", "Night", new double[] {0.1, 0.2, 60.0, 0.3, 0.4})));

    static {
        // more plays than sample's LIMIT 50, on an old day so they are never the most recent
        IntStream.range(0, 60).forEach(i -> PLAYS.add(new Play(FILLER, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i).toString(),
                "Song " + i, "Artist", "Album", new double[] {0.5, 0.5, 100.0, 0.5, 0.5})));
    }

    private static String keyspace;
    private static Path outDir;

    @BeforeAll
    static void writePlays() throws IOException {
        keyspace = STACK.newKeyspace("query");
        outDir = Files.createDirectories(STACK.workDir().resolve("query-output-" + keyspace));
        List<String> columns = List.of(EventField.NAME.jsonName(), HistoryColumn.DATE, HistoryColumn.HOUR,
                EventField.TS.jsonName(), EventField.EVENT_ID.jsonName(), EventField.SONG.jsonName(), EventField.ARTISTS.jsonName(),
                SongColumn.ALBUM_NAME.column(), SongColumn.DANCEABILITY.column(), SongColumn.ENERGY.column(),
                SongColumn.TEMPO.column(), SongColumn.ACOUSTICNESS.column(), SongColumn.VALENCE.column());
        CqlSession session = STACK.session();
        PreparedStatement insert = session.prepare("INSERT INTO " + keyspace + "." + Names.HISTORY_TABLE
                + " (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")");
        for (Play play : PLAYS) {
            double[] f = play.features();
            session.execute(insert.bind(play.name(), play.date(), play.hour(), play.ts(), play.eventId(), play.song(), play.artists(),
                    play.album(), f == null ? null : f[0], f == null ? null : f[1], f == null ? null : f[2],
                    f == null ? null : f[3], f == null ? null : f[4]));
        }
    }

    @Test
    void sampleShowsFiftyStoredPlaysWithEveryColumn() throws IOException {
        JsonNode json = runJson("sample");
        assertEquals(50, json.get("row_count").asInt());
        assertTrue(json.get("columns").size() >= 28, json.get("columns").toString());
        List<String> known = PLAYS.stream().map(p -> p.eventId().toString()).toList();
        for (JsonNode row : json.get("rows")) {
            assertTrue(known.contains(row.get(EventField.EVENT_ID.jsonName()).asText()), row.toString());
        }
        String text = run("sample").stdout();
        assertTrue(text.startsWith("-- query:      sample (cql/queries/sample.cql)\n-- keyspace:   " + keyspace + "\n-- parameters: none\n"), text);
        assertTrue(text.endsWith("\n(50 rows)\n"), text);
        assertEquals(text, read("output_full.txt"));
    }

    @Test
    void songsListsTheHoursPlaysNewestFirst() throws IOException {
        List<Play> expected = PLAYS.stream().filter(p -> p.in(OCONNOR, "2024-05-01", 13))
                .sorted(Comparator.comparing(Play::ts).reversed()).toList();
        JsonNode json = runJson("songs", "--user", OCONNOR, "--date", "2024-05-01", "--hour", "13");
        assertEquals(expected.size(), json.get("row_count").asInt());
        assertEquals(expected.stream().map(Play::song).toList(), texts(json, "song"));
        assertEquals(expected.stream().map(Play::artists).toList(), texts(json, "artists"));
        assertEquals(expected.stream().map(p -> p.ts().toString()).toList(), texts(json, "ts"));
        assertEquals(expected.stream().map(Play::album).toList(), texts(json, "album_name"));

        ProcessResult text = pipeline(List.of("songs", "--user", OCONNOR, "--date", "2024-05-01", "--hour", "13"));
        assertEquals(0, text.exitCode(), text.stderr());
        assertEquals(text.stdout(), read("output_simple.txt"), "./pipeline query prints what it writes, nothing else");
        assertTrue(text.stdout().contains("-- parameters: name = 'O''Connor', date = '2024-05-01', hour = 13\n"), text.stdout());
        assertTrue(text.stdout().endsWith("\n(" + expected.size() + " rows)\n"), text.stdout());
        expected.forEach(p -> assertTrue(text.stdout().contains(p.song()), p.song()));
    }

    @Test
    void averagesCountEveryPlayAndAverageOnlyKnownFeatures() throws IOException {
        JsonNode row = runJson("averages", "--user", OCONNOR, "--date", "2024-05-01", "--hour", "13").get("rows").get(0);
        List<Play> hour = PLAYS.stream().filter(p -> p.in(OCONNOR, "2024-05-01", 13)).toList();
        assertAverages(hour, row);
        assertEquals(4, row.get("plays").asLong());
        assertEquals(3, row.get("plays_with_features").asLong());
        assertEquals(0, row.get("skips").asLong(), "plays without an action are not skips");
        assertTrue(read("output_agg.json").contains("\"avg_tempo\""));
    }

    @Test
    void withoutValuesTheMostRecentHourIsUsedAndNamed() throws IOException {
        Play latest = PLAYS.stream().max(Comparator.comparing(Play::date).thenComparing(Play::hour)
                .thenComparing(Play::name, Comparator.reverseOrder())).orElseThrow();
        assertEquals(INJECTION, latest.name(), "the data set is built so that the tie-break decides");

        JsonNode json = runJson("averages");
        assertTrue(json.get("most_recent").asBoolean());
        assertEquals(latest.name(), json.get("parameters").get("name").asText());
        assertEquals(latest.date().toString(), json.get("parameters").get("date").asText());
        assertEquals(latest.hour(), json.get("parameters").get("hour").asInt());
        assertAverages(PLAYS.stream().filter(p -> p.in(latest.name(), latest.date().toString(), latest.hour())).toList(),
                json.get("rows").get(0));

        String text = run("songs").stdout();
        assertTrue(text.contains("-- parameters: name = 'Zoë \"; DROP TABLE listening_history; --', date = '2024-05-02', hour = 9"
                + " (the most recent present: none was given)\n"), text);
    }

    @Test
    void aNameThatLooksLikeCqlIsOnlyData() throws IOException {
        JsonNode json = runJson("songs", "--user", INJECTION, "--date", "2024-05-02", "--hour", "9");
        assertEquals(List.of("Jolene", "Café del Mar"), texts(json, "song"));
        long stored = STACK.session().execute("SELECT count(*) FROM " + keyspace + "." + Names.HISTORY_TABLE).one().getLong(0);
        assertEquals(PLAYS.size(), stored, "the table is still there, every play in it");
    }

    @Test
    void anyQueryFileWithNamedMarkersRuns() throws IOException {
        Path file = Files.writeString(STACK.workDir().resolve("plays_of.cql"), """
                -- every play of one listener on one day
                SELECT hour, song FROM spotify.listening_history WHERE name = :name AND date = :date AND hour IN (13, 14);
                """);
        run("--file", file.toString(), "--user", OCONNOR, "--date", "2024-05-01", "--format", "csv");
        long expected = PLAYS.stream().filter(p -> p.name().equals(OCONNOR) && p.date().equals(LocalDate.parse("2024-05-01"))).count();
        assertEquals(expected + 1, read("output_plays_of.csv").lines().count(), "header and one line per play");
    }

    @Test
    void badInputIsOneLineAndKeepsThePreviousResult() throws IOException {
        run("averages", "--user", "Ann", "--date", "2024-05-01", "--hour", "23", "--format", "csv");
        String before = read("output_agg.csv");
        for (List<String> args : List.of(
                List.of("averages", "--user", "Ann", "--date", "2024-05-01", "--hour", "24", "--format", "csv"),
                List.of("top10", "--format", "csv"),
                List.of("averages", "--user", "Ann", "--date", "2024-05-01", "--hour", "23", "--format", "csv", "--keyspace", "no_such_keyspace"))) {
            ProcessResult result = pipeline(args);
            assertEquals(1, result.exitCode(), args + ": " + result.stderr());
            assertEquals(1, result.stderr().lines().count(), args + ": " + result.stderr());
            assertTrue(result.stderr().startsWith("error: "), args + ": " + result.stderr());
            assertEquals("", result.stdout(), args.toString());
            assertEquals(before, read("output_agg.csv"), args.toString());
        }
    }

    private static void assertAverages(List<Play> plays, JsonNode row) {
        List<double[]> known = plays.stream().map(Play::features).filter(Objects::nonNull).toList();
        assertEquals(plays.size(), row.get("plays").asLong());
        assertEquals(known.size(), row.get("plays_with_features").asLong());
        String[] columns = {"avg_danceability", "avg_energy", "avg_tempo", "avg_acousticness", "avg_valence"};
        for (int i = 0; i < columns.length; i++) {
            int feature = i;
            double mean = known.stream().mapToDouble(f -> f[feature]).average().orElseThrow();
            assertEquals(mean, row.get(columns[i]).asDouble(), TOLERANCE, columns[i]);
        }
    }

    private static List<String> texts(JsonNode json, String column) {
        List<String> values = new ArrayList<>();
        json.get("rows").forEach(row -> values.add(row.get(column).isNull() ? null : row.get(column).asText()));
        return values;
    }

    private static JsonNode runJson(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        String stdout = run(all.toArray(String[]::new)).stdout();
        JsonNode json = JSON.readTree(stdout);
        String outputName = all.get(0).startsWith("-") ? null : switch (all.get(0)) {
            case "sample" -> "output_full.json";
            case "songs" -> "output_simple.json";
            case "averages" -> "output_agg.json";
            default -> null;
        };
        if (outputName != null) {
            assertEquals(json, JSON.readTree(read(outputName)), "the file holds what was printed");
        }
        return json;
    }

    /** Runs the command in this JVM, against the fixture's Cassandra, as ./pipeline query would. */
    private static Output run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cassandra", STACK.cassandraContactPoint(), "--datacenter", STACK.datacenter(),
                "--keyspace", keyspace, "--out-dir", outDir.toString()));
        int exit = new CommandLine(new QueryCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(all.toArray(String[]::new));
        assertEquals(0, exit, all + ": " + err);
        return new Output(out.toString(), err.toString());
    }

    /** Runs ./pipeline query in a child JVM (the fixture points it at its Cassandra). */
    private static ProcessResult pipeline(List<String> args) {
        List<String> all = new ArrayList<>();
        all.add("query");
        all.addAll(args);
        if (!all.contains("--keyspace")) {
            all.addAll(List.of("--keyspace", keyspace));
        }
        all.addAll(List.of("--out-dir", outDir.toString()));
        return STACK.runPipeline(all.toArray(String[]::new));
    }

    private static String read(String fileName) throws IOException {
        return Files.readString(outDir.resolve(fileName), StandardCharsets.UTF_8);
    }

    private record Output(String stdout, String stderr) {
    }

    private record Play(String name, Instant ts, UUID eventId, String song, String artists, String album, double[] features) {
        Play(String name, String ts, String song, String artists, String album, double[] features) {
            this(name, Instant.parse(ts), UUID.randomUUID(), song, artists, album, features);
        }

        /** Computed here, not by the streamer's code: the UTC day and hour of the play. */
        LocalDate date() {
            return ts.atZone(ZoneOffset.UTC).toLocalDate();
        }

        int hour() {
            return ts.atZone(ZoneOffset.UTC).getHour();
        }

        boolean in(String user, String day, int h) {
            return name.equals(user) && date().equals(LocalDate.parse(day)) && hour() == h;
        }
    }
}

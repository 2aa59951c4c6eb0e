package dev.listening.it;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.listening.contract.Names;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ./pipeline archive and ./pipeline rollups rebuild on a known set of plays written to listening_history:
 * the archive holds the date's plays, partitioned by hour, and the same rows after a second run; a rebuild
 * repairs a corrupted rollup row and writes the same known answer when run again.
 */
class BatchJobsIT {
    private static final LocalStackFixture STACK = LocalStackFixture.get();
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    private static final LocalDate DAY = LocalDate.parse("2025-03-14");
    private static final String FLOWERS = "Flowers";

    private final String keyspace = STACK.newKeyspace("batch");
    private final CqlSession session = STACK.session();

    @Test
    void archiveTwiceHoldsTheDatesPlaysAndRebuildTwiceRepairsTheRollups() throws IOException {
        play("Ada", DAY, 20, FLOWERS, 200_000L);
        play("Ada", DAY, 20, FLOWERS, 200_000L);
        play("Ada", DAY, 20, "No Such Song", null);
        play("Liam O'Connor", DAY, 21, FLOWERS, 200_000L);
        play("Ada", DAY.plusDays(1), 0, FLOWERS, 200_000L);

        Path archive = STACK.workDir().resolve("archive-" + keyspace);
        for (int run = 1; run <= 2; run++) {
            ProcessResult result = job("archive", "--date", DAY.toString(), "--out", archive.toString());
            assertTrue(result.stdout().contains("4 rows read, 4 rows written"), "run " + run + ": " + result.stdout());
            assertEquals(List.of("date=" + DAY + "/hour=20", "date=" + DAY + "/hour=21"), partitions(archive), "run " + run);
        }

        session.execute("INSERT INTO " + keyspace + "." + Names.LISTENER_DAILY_TABLE + " (date, name, plays) VALUES (?, 'Ada', 999)", DAY);
        for (int run = 1; run <= 2; run++) {
            ProcessResult result = job("rollups", "rebuild", "--date", DAY.toString());
            assertTrue(result.stdout().contains("4 rows read"), "run " + run + ": " + result.stdout());
            Row ada = one("SELECT plays, plays_with_features, minutes_listened, avg_tempo FROM " + keyspace + "."
                    + Names.LISTENER_DAILY_TABLE + " WHERE date = ? AND name = 'Ada'");
            assertEquals(List.of(3L, 2L, 400_000 / 60_000.0, 100.0), List.of(ada.getLong(0), ada.getLong(1), ada.getDouble(2),
                    ada.getDouble(3)), "run " + run);
            Row hour = one("SELECT plays, listeners, plays_with_features, song_plays FROM " + keyspace + "."
                    + Names.BY_HOUR_TABLE + " WHERE date = ? AND hour = 20 AND song = 'Flowers' AND artists = 'Miley Cyrus'");
            assertEquals(List.of(3L, 1L, 2L, 2L), List.of(hour.getLong(0), hour.getLong(1), hour.getLong(2), hour.getLong(3)),
                    "run " + run);
            assertEquals(3, session.execute("SELECT * FROM " + keyspace + "." + Names.LISTENER_SONG_HOURLY_TABLE
                    + " WHERE date = ? AND hour IN (20, 21)", DAY).all().size(), "run " + run);
        }
    }

    private ProcessResult job(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--master", "local[2]", "--keyspace", keyspace,
                "--datacenter", STACK.datacenter())).toArray(String[]::new);
        ProcessResult result = STACK.runPipeline(JOB_TIMEOUT, all);
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        return result;
    }

    private Row one(String select) {
        List<Row> rows = session.execute(select, DAY).all();
        assertEquals(1, rows.size(), select);
        return rows.get(0);
    }

    /** The date/hour directories that hold Parquet files, relative to the archive. */
    private static List<String> partitions(Path archive) throws IOException {
        try (Stream<Path> files = Files.walk(archive)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .map(f -> archive.relativize(f.getParent()).toString()).distinct().sorted().toList();
        }
    }

    private void play(String name, LocalDate date, int hour, String song, Long durationMs) {
        Instant ts = date.atStartOfDay(java.time.ZoneOffset.UTC).plusHours(hour).toInstant().plusNanos(System.nanoTime() % 1_000_000_000L);
        session.execute("INSERT INTO " + keyspace + "." + Names.HISTORY_TABLE + " (name, date, hour, ts, event_id, song, artists,"
                        + " duration_ms, danceability, energy, tempo, acousticness, valence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                name, date, hour, ts, UUID.randomUUID(), song, durationMs == null ? "Nobody" : "Miley Cyrus", durationMs,
                durationMs == null ? null : 0.5, durationMs == null ? null : 0.25, durationMs == null ? null : 100.0,
                durationMs == null ? null : 0.0, durationMs == null ? null : 1.0);
    }
}

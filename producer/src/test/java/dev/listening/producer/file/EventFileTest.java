package dev.listening.producer.file;

import dev.listening.contract.UserError;
import dev.listening.producer.events.WireEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventFileTest {
    private static final String FIRST = "{\"schema_version\":2,\"event_id\":\"0190b7c4-1f2a-7000-8000-000000000001\","
            + "\"ts\":1709424000000,\"user_id\":\"u-1\",\"name\":\"Zoë\",\"song\":\"s\",\"artists\":\"a\",\"action\":\"skip\"}";
    private static final String SECOND = "{\"schema_version\":1,\"event_id\":\"0190b7c4-1f2a-7000-8000-000000000002\","
            + "\"ts\":1709424060000,\"user_id\":\"u-2\",\"name\":\"Ada\",\"song\":\"t\",\"artists\":\"b\"}";

    @Test
    void aWrittenFileIsGzipJsonLinesAndReplaysTheSameBytesKeysAndTimes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/events.jsonl.gz");
        try (EventFileWriter writer = new EventFileWriter(file)) {
            writer.send("u-1", FIRST.getBytes(StandardCharsets.UTF_8));
            writer.send("u-2", SECOND.getBytes(StandardCharsets.UTF_8));
            assertEquals(2, writer.acknowledged());
        }
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            assertEquals(FIRST + "\n" + SECOND + "\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        List<WireEvent> replayed = new ArrayList<>();
        try (EventFileReader reader = new EventFileReader(file)) {
            for (WireEvent e = reader.next(); e != null; e = reader.next()) {
                replayed.add(e);
            }
        }
        assertEquals(2, replayed.size());
        assertEquals("u-1", replayed.get(0).key());
        assertEquals(1_709_424_000_000L, replayed.get(0).ts());
        assertArrayEquals(FIRST.getBytes(StandardCharsets.UTF_8), replayed.get(0).json());
        assertEquals("u-2", replayed.get(1).key());
        assertArrayEquals(SECOND.getBytes(StandardCharsets.UTF_8), replayed.get(1).json());
    }

    @Test
    void aLineThatIsNotAnEventStopsTheReplayNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("bad.jsonl.gz");
        try (EventFileWriter writer = new EventFileWriter(file)) {
            writer.send("u-1", FIRST.getBytes(StandardCharsets.UTF_8));
            writer.send("x", "not json".getBytes(StandardCharsets.UTF_8));
        }
        try (EventFileReader reader = new EventFileReader(file)) {
            reader.next();
            UserError e = assertThrows(UserError.class, reader::next);
            assertTrue(e.getMessage().startsWith("line 2 of " + file + " is not an event"), e.getMessage());
        }
    }

    @Test
    void aFileThatIsNotGzipIsOneClearError(@TempDir Path dir) throws IOException {
        Path plain = Files.writeString(dir.resolve("events.jsonl"), FIRST + "\n");
        UserError e = assertThrows(UserError.class, () -> new EventFileReader(plain));
        assertEquals(plain + " is not a gzip file (write one with --out FILE.jsonl.gz)", e.getMessage());
    }
}

package dev.listening.streamer.rollup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** What a batch touched, as the bytes of a rollup_pending row: gzip-compressed JSON, one array per listener-song. */
final class Touched {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Touched() {
    }

    static byte[] encode(Collection<ListenerSong> touched) {
        ArrayNode all = MAPPER.createArrayNode();
        for (ListenerSong played : touched) {
            ListenerHour key = played.listenerHour();
            all.addArray().add(key.name()).add(key.date().toEpochDay()).add(key.hour())
                    .add(played.song().song()).add(played.song().artists());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gzip = new GZIPOutputStream(bytes)) {
            MAPPER.writeValue(gzip, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Set<ListenerSong> decode(byte[] bytes) {
        Set<ListenerSong> touched = new HashSet<>();
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            for (JsonNode entry : MAPPER.readTree(gzip)) {
                touched.add(new ListenerSong(
                        new ListenerHour(entry.get(0).asText(), LocalDate.ofEpochDay(entry.get(1).asLong()), entry.get(2).asInt()),
                        new Song(entry.get(3).asText(), entry.get(4).asText())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return touched;
    }

    /** The set in parts of at most {@code size}: a row each, so no mutation outgrows Cassandra's limit. */
    static List<List<ListenerSong>> chunks(Collection<ListenerSong> touched, int size) {
        List<List<ListenerSong>> chunks = new ArrayList<>();
        List<ListenerSong> all = new ArrayList<>(touched);
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }
}

package dev.listening.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The one JSON encoding of {@link ListeningEvent}: UTF-8, snake_case, unknown fields tolerated. */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ObjectWriter WRITER = MAPPER.writerFor(ListeningEvent.class);

    private EventJson() {
    }

    public static byte[] toBytes(ListeningEvent event) {
        try {
            return WRITER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(ListeningEvent event) {
        return new String(toBytes(event), StandardCharsets.UTF_8);
    }

    public static ListeningEvent fromBytes(byte[] json) throws IOException {
        return MAPPER.readValue(json, ListeningEvent.class);
    }
}

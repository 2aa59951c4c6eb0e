package dev.listening.verify;

import dev.listening.contract.EventJson;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.ListeningEvent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Where a record should have landed: the listening_history partition of its event (UTC date and hour
 * of ts, as the streamer derives them), or nowhere but the dead-letter table.
 */
public final class RecordClassifier {
    private RecordClassifier() {
    }

    public static RecordRef classify(int partition, long offset, byte[] value) {
        return new RecordRef(partition, offset, rowKey(value));
    }

    private static RecordRef.RowKey rowKey(byte[] value) {
        if (value == null) {
            return null;
        }
        ListeningEvent event;
        try {
            event = EventJson.fromBytes(value);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (event.name() == null || event.eventId() == null || event.ts() <= 0
                || event.name().getBytes(StandardCharsets.UTF_8).length > HistoryColumn.MAX_NAME_BYTES) {
            return null;
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(event.eventId());
        } catch (IllegalArgumentException e) {
            return null;
        }
        ZonedDateTime at = Instant.ofEpochMilli(event.ts()).atZone(ZoneOffset.UTC);
        return new RecordRef.RowKey(event.name(), at.toLocalDate(), at.getHour(), eventId,
                event.song() != null && event.artists() != null);
    }
}

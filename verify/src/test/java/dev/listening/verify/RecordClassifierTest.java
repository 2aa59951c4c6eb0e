package dev.listening.verify;

import dev.listening.contract.EventJson;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.ListeningEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class RecordClassifierTest {
    private static final String ID = "0190a3c4-5d6e-7f80-9a1b-2c3d4e5f6071";

    @Test
    void anEventPointsAtTheRowOfItsUtcDateAndHour() {
        RecordRef record = RecordClassifier.classify(1, 42, EventJson.toBytes(event("Ada", 4_102_444_799_999L)));

        assertEquals("1@42", record.coordinates());
        assertEquals(new RecordRef.RowKey("Ada", LocalDate.parse("2099-12-31"), 23, UUID.fromString(ID), true), record.row());
    }

    @Test
    void aNameThatCannotBeAPartitionKeyCanOnlyBeADeadLetter() {
        String longest = "é".repeat(HistoryColumn.MAX_NAME_BYTES / 2);

        assertNotNull(RecordClassifier.classify(0, 0, EventJson.toBytes(event(longest, 1_700_000_000_000L))).row());
        assertNull(RecordClassifier.classify(0, 1, EventJson.toBytes(event(longest + "x", 1_700_000_000_000L))).row());
    }

    @Test
    void aValueThatIsNotUtf8CanOnlyBeADeadLetter() {
        byte[] value = EventJson.toBytes(event("Ada", 1_700_000_000_000L));
        value[new String(value, StandardCharsets.UTF_8).indexOf("Ada")] = (byte) 0xff;

        assertNull(RecordClassifier.classify(0, 0, value).row());
    }

    private static ListeningEvent event(String name, long ts) {
        return new ListeningEvent(ListeningEvent.SCHEMA_VERSION, ID, ts, "u", name, null, null, null, null, null,
                "Flowers", "Miley Cyrus");
    }
}

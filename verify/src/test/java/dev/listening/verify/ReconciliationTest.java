package dev.listening.verify;

import dev.listening.contract.EventJson;
import dev.listening.contract.ListeningEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconciliationTest {
    private static final UUID A = UUID.fromString("0190b7c4-1f2a-7000-8000-00000000000a");
    private static final UUID B = UUID.fromString("0190b7c4-1f2a-7000-8000-00000000000b");
    private static final UUID C = UUID.fromString("0190b7c4-1f2a-7000-8000-00000000000c");

    private static RecordRef event(long offset, UUID id) {
        return new RecordRef(0, offset, new RecordRef.RowKey("ada", LocalDate.of(2024, 3, 3), 23, id, true));
    }

    private static RecordRef garbage(long offset) {
        return new RecordRef(0, offset, null);
    }

    @Test
    void everyRecordStoredOnceIsExactlyOnce() {
        var report = new Reconciliation(List.of(event(0, A), event(1, B), garbage(2)), Set.of(A, B), Set.of(B),
                Set.of("0@2"), true).report();
        assertTrue(report.exactlyOnce());
        assertEquals(3, report.records());
        assertEquals(2, report.stored());
        assertEquals(1, report.joinMisses());
        assertEquals(1, report.deadLetters());
    }

    @Test
    void aRecordWithNeitherRowNorDeadLetterIsMissing() {
        var report = new Reconciliation(List.of(event(0, A), event(1, B), garbage(2)), Set.of(A), Set.of(),
                Set.of(), true).report();
        assertFalse(report.exactlyOnce());
        assertEquals(List.of("0@1 " + B, "0@2"), report.missing());
    }

    @Test
    void aRecordStoredAsRowAndAsDeadLetterIsDoubled() {
        var report = new Reconciliation(List.of(event(0, A)), Set.of(A), Set.of(), Set.of("0@0"), true).report();
        assertEquals(List.of("0@0"), report.doubled());
        assertFalse(report.exactlyOnce());
    }

    @Test
    void rowsNoRecordExplainsAreUnexpectedOnlyWhenTheWholeTopicWasRead() {
        List<RecordRef> records = List.of(event(0, A));
        assertEquals(List.of(C.toString()), new Reconciliation(records, Set.of(A, C), Set.of(), Set.of(), true).report().unexpected());
        assertTrue(new Reconciliation(records, Set.of(A, C), Set.of(), Set.of(), false).report().exactlyOnce());
    }

    @Test
    void theSameEventAtTwoOffsetsIsOneRowAndCountedAsADuplicate() {
        var report = new Reconciliation(List.of(event(0, A), event(1, A)), Set.of(A), Set.of(), Set.of(), true).report();
        assertTrue(report.exactlyOnce());
        assertEquals(1, report.duplicateIdsInTopic());
    }

    @Test
    void classifierPutsAnEventInItsUtcListenerHourAndGarbageNowhere() {
        long ts = 1_709_510_399_999L; // 2024-03-03T23:59:59.999Z
        ListeningEvent e = new ListeningEvent(1, A.toString(), ts, "u1", "Ada", null, null, null, null, null, "s", "a");
        RecordRef.RowKey key = RecordClassifier.classify(0, 7, EventJson.toBytes(e)).row();
        assertEquals(new RecordRef.PartitionKey("Ada", LocalDate.of(2024, 3, 3), 23), key.partitionKey());
        assertEquals(A, key.eventId());
        assertNull(RecordClassifier.classify(0, 8, "not json".getBytes(StandardCharsets.UTF_8)).row());
        assertNull(RecordClassifier.classify(0, 9, EventJson.toJson(e).replace(A.toString(), "nope").getBytes(StandardCharsets.UTF_8)).row());
        assertNull(RecordClassifier.classify(0, 10, null).row());
    }
}

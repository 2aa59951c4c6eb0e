package dev.listening.verify;

import static dev.listening.verify.Fixtures.LA_DIABLA;
import static dev.listening.verify.Fixtures.LA_DIABLA_FEATURES;
import static dev.listening.verify.Fixtures.T;
import static dev.listening.verify.Fixtures.event;
import static dev.listening.verify.Fixtures.noFeatures;
import static dev.listening.verify.Fixtures.record;
import static dev.listening.verify.Fixtures.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

class ReconciliationTest {
    private static final String A = "0190b7c4-1f2a-7000-8000-00000000000a";
    private static final String B = "0190b7c4-1f2a-7000-8000-00000000000b";
    private static final String C = "0190b7c4-1f2a-7000-8000-00000000000c";
    private static final Reconciliation.Coverage JUDGED = new Reconciliation.Coverage("the whole topic", 1, true, "1 partition");
    private static final Reconciliation.Coverage NOT_JUDGED = new Reconciliation.Coverage("a range", 1, false, "not judged");

    private static SongFeatures songs;

    private final RecordRef a = record(0, event(A, "Ada", T, "La Diabla", "Xavi"));
    private final RecordRef b = record(1, event(B, "Ada", T.plusSeconds(1), "No Such Song", "Nobody"));
    private final RecordRef garbage = RecordClassifier.classify(0, 2, T.plusSeconds(2), "not json".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void loadSongs(@TempDir Path dir) {
        songs = Fixtures.songs(dir, LA_DIABLA);
    }

    @Test
    void everyRecordStoredOnceAsSentPasses() {
        var report = reconcile(List.of(a, b, garbage), List.of(rowOf(a, LA_DIABLA_FEATURES), rowOf(b, noFeatures())),
                Map.of("0@2", garbage.timestamp()), JUDGED);

        assertTrue(report.passed(), report.toString());
        assertEquals(List.of(3L, 2L, 1L, 1L, 2L), List.of(report.records(), report.stored(), report.joinMisses(),
                report.deadLetters(), report.rowsRead()));
    }

    @Test
    void aRecordWithNeitherRowNorDeadLetterIsMissing() {
        var report = reconcile(List.of(a, b, garbage), List.of(rowOf(a, LA_DIABLA_FEATURES)), Map.of(), JUDGED);

        assertFalse(report.passed());
        assertEquals(List.of("0@1 " + B, "0@2"), report.missing());
    }

    @Test
    void aRecordStoredAsRowAndAsDeadLetterIsDoubled() {
        var report = reconcile(List.of(a), List.of(rowOf(a, LA_DIABLA_FEATURES)), Map.of("0@0", a.timestamp()), JUDGED);

        assertEquals(List.of("0@0 " + A), report.doubled());
        assertFalse(report.passed());
    }

    @Test
    void aWellFormedEventFoundOnlyAsADeadLetterFails() {
        var report = reconcile(List.of(a), List.of(), Map.of("0@0", a.timestamp()), JUDGED);

        assertEquals(List.of("0@0 " + A), report.deadLetteredEvents());
        assertEquals(0, report.deadLetters());
        assertFalse(report.passed());
    }

    @Test
    void aDeadLetterWithAnotherKafkaTimestampIsAnEarlierTopicsAndAccountsForNothing() {
        var report = reconcile(List.of(garbage), List.of(), Map.of("0@2", garbage.timestamp().minusSeconds(3600)), JUDGED);

        assertEquals(List.of("0@2"), report.missing());
        assertEquals(0, report.deadLetters());
        assertEquals(1, report.staleDeadLetters());
    }

    @Test
    void aRowThatDiffersFromItsEventFailsAndSaysWhatDiffers() {
        var report = reconcile(List.of(a, b), List.of(rowOf(a, LA_DIABLA_FEATURES, Map.of("country", "FR")), rowOf(b, noFeatures())),
                Map.of(), JUDGED);

        assertEquals(List.of("0@0 " + A + ": country: row 'FR', event 'PT'"), report.differing());
        assertEquals(2, report.stored());
        assertFalse(report.passed());
    }

    @Test
    void rowsNoRecordExplainsAreUnexpectedOnlyWhereJudgedAndRowsOfOtherRecordsAreCountedApart() {
        RecordRef c = record(5, event(C, "Ada", T.minusSeconds(86_400), "La Diabla", "Xavi"));
        RecordRef.PrimaryKey strayKey = new RecordRef.PrimaryKey(new RecordRef.PartitionKey("Ada", LocalDate.of(2020, 1, 1), 0),
                Instant.parse("2020-01-01T00:00:00Z"), UUID.fromString(B));
        StoredRow stray = StoredRow.of(strayKey, Map.of());
        List<StoredRow> rows = List.of(rowOf(a, LA_DIABLA_FEATURES), rowOf(c, LA_DIABLA_FEATURES), stray);

        var judged = new Reconciliation(List.of(a), rows, Map.of(), songs, JUDGED, Set.of(c.row().primaryKey())).report();
        var notJudged = new Reconciliation(List.of(a), rows, Map.of(), songs, NOT_JUDGED, Set.of()).report();

        assertEquals(List.of("Ada 2020-01-01 0h 2020-01-01T00:00:00Z " + B), judged.unexpected());
        assertEquals(1, judged.rowsOfRecordsOutsideRange());
        assertFalse(judged.passed());
        assertTrue(notJudged.passed(), notJudged.toString());
    }

    @Test
    void aRowUnderAnotherTsIsNotTheEventsRow() {
        StoredRow moved = StoredRow.of(new RecordRef.PrimaryKey(a.row().partitionKey(), a.row().ts().minusMillis(1), a.row().eventId()),
                Map.of());

        var report = reconcile(List.of(a), List.of(moved), Map.of(), JUDGED);

        assertEquals(List.of("0@0 " + A), report.missing());
        assertEquals(1, report.unexpected().size());
    }

    @Test
    void theSameEventAtTwoOffsetsIsOneRowAndCountedAsADuplicate() {
        RecordRef again = record(1, event(A, "Ada", T, "La Diabla", "Xavi"));

        var report = reconcile(List.of(a, again), List.of(rowOf(a, LA_DIABLA_FEATURES)), Map.of(), JUDGED);

        assertTrue(report.passed(), report.toString());
        assertEquals(1, report.duplicateIdsInTopic());
    }

    private static Reconciliation.Report reconcile(List<RecordRef> records, Collection<StoredRow> rows, Map<String, Instant> deadLetters,
                                                   Reconciliation.Coverage coverage) {
        return new Reconciliation(records, rows, deadLetters, songs, coverage, Set.of()).report();
    }
}

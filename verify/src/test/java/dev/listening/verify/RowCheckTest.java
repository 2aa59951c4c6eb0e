package dev.listening.verify;

import static dev.listening.verify.Fixtures.LA_DIABLA;
import static dev.listening.verify.Fixtures.LA_DIABLA_FEATURES;
import static dev.listening.verify.Fixtures.NO_ALBUM;
import static dev.listening.verify.Fixtures.T;
import static dev.listening.verify.Fixtures.event;
import static dev.listening.verify.Fixtures.noFeatures;
import static dev.listening.verify.Fixtures.record;
import static dev.listening.verify.Fixtures.rowOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

class RowCheckTest {
    private static final String ID = "0190b7c4-1f2a-7000-8000-00000000000a";

    @TempDir
    Path dir;

    @Test
    void aRowAsTheEventAndTheCsvSayHasNoDifference() {
        RecordRef known = record(0, event(ID, "Ada", T, "La Diabla", "Xavi"));
        RecordRef unknown = record(1, event(ID, "Ada", T, "No Such Song", "Nobody"));
        SongFeatures songs = Fixtures.songs(dir, LA_DIABLA);

        assertEquals(List.of(), RowCheck.differences(known.row(), rowOf(known, LA_DIABLA_FEATURES), songs));
        assertEquals(List.of(), RowCheck.differences(unknown.row(), rowOf(unknown, noFeatures()), songs));
    }

    @Test
    void everyColumnOfTheEventIsCompared() {
        RecordRef record = record(0, event(ID, "Ada", T, "No Such Song", "Nobody"));
        Map<String, Object> changed = new HashMap<>();
        for (String column : EventRow.COLUMNS) {
            changed.put(column, null);
        }

        List<String> differences = RowCheck.differences(record.row(), rowOf(record, noFeatures(), changed), Fixtures.songs(dir, LA_DIABLA));

        assertEquals(EventRow.COLUMNS, differences.stream().map(d -> d.substring(0, d.indexOf(':'))).toList());
        assertEquals("skipped: row null, event 1", differences.get(differences.size() - 1));
    }

    @Test
    void featuresAreComparedWithTheCsvAndAMissingOrWrongOneDiffers() {
        RecordRef record = record(0, event(ID, "Ada", T, "La Diabla", "Xavi"));
        SongFeatures songs = Fixtures.songs(dir, LA_DIABLA);
        List<Object> wrongTempo = new ArrayList<>(LA_DIABLA_FEATURES);
        wrongTempo.set(SongFeatures.COLUMNS.indexOf("tempo"), 120.0);

        assertEquals(List.of("tempo: row 120.0, songs CSV 131.842"), RowCheck.differences(record.row(), rowOf(record, wrongTempo), songs));
        assertEquals(SongFeatures.COLUMNS.size(), RowCheck.differences(record.row(), rowOf(record, noFeatures()), songs).size(),
                "a known song stored without features: every feature differs");
    }

    @Test
    void anEmptyFieldOfTheCsvIsNullAsSparkReadsIt() {
        RecordRef record = record(0, event(ID, "Ada", T, "Brown Eyed Girl", "Van Morrison"));
        List<Object> features = List.of(183_000L, "", "", 0.5, 0.6, 7, -5.0, 1, 0.03, 0.2, 0.0, 0.1, 0.9, 150.0);
        List<Object> asStored = new ArrayList<>(features);
        asStored.set(1, null);
        asStored.set(2, null);
        SongFeatures songs = Fixtures.songs(dir, NO_ALBUM);

        assertEquals(List.of(), RowCheck.differences(record.row(), rowOf(record, asStored), songs));
        assertEquals(2, RowCheck.differences(record.row(), rowOf(record, features), songs).size());
    }

    @Test
    void aSongTheFileRepeatsMayCarryTheFeaturesOfAnyOfItsRows() {
        RecordRef record = record(0, event(ID, "Ada", T, "La Diabla", "Xavi"));
        SongFeatures songs = Fixtures.songs(dir, LA_DIABLA, LA_DIABLA.replace("131.842", "99.0"));
        List<Object> other = new ArrayList<>(LA_DIABLA_FEATURES);
        other.set(SongFeatures.COLUMNS.indexOf("tempo"), 99.0);

        assertEquals(List.of(), RowCheck.differences(record.row(), rowOf(record, LA_DIABLA_FEATURES), songs));
        assertEquals(List.of(), RowCheck.differences(record.row(), rowOf(record, other), songs));
    }

    @Test
    void aLongTextIsShortenedInTheExample() {
        RecordRef record = record(0, event(ID, "Ada", T, "No Such Song", "Nobody"));

        assertEquals(List.of("city: row '" + "x".repeat(40) + "…', event 'Porto'"), RowCheck.differences(record.row(),
                rowOf(record, noFeatures(), Map.of("city", "x".repeat(1_000))), Fixtures.songs(dir, LA_DIABLA)));
    }
}

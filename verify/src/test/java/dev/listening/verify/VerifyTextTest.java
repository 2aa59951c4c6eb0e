package dev.listening.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

class VerifyTextTest {
    private static final Reconciliation.Coverage FULL = new Reconciliation.Coverage("offsets from {0=100} to {0=1600} (exclusive)", 40,
            true, "all 40 partitions of the 3 listeners seen");

    private Locale before;

    @BeforeEach
    void rootLocale() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(before);
    }

    @Test
    void saysWhatWasCheckedAndReadAndListsAtMostShowOfEachKind() {
        Reconciliation.Report report = new Reconciliation.Report(FULL, 1_500, 1_510, 1_497, 0, 2, 0, 1, 12,
                List.of("a", "b", "c"), List.of(), List.of("0@7 id"), List.of("0@9 id: country: row 'FR', event 'PT'"), List.of());

        assertEquals(List.of(
                "verify t -> ks.listening_history",
                "  range                offsets from {0=100} to {0=1600} (exclusive)",
                "  checked              each record: its row (by primary key; every column against the event, song features",
                "                       against the songs CSV) or its dead letter (by partition, offset and Kafka timestamp)",
                "  strays judged in     all 40 partitions of the 3 listeners seen",
                "  rows read            1,510 in 40 partitions",
                "  records in topic     1,500",
                "  stored as rows       1,497 (join misses: 2)",
                "  dead letters         0 (stale ones, of an earlier topic of the name: 1)",
                "  duplicate event ids  0 (same event at several offsets; stored once)",
                "  rows of records outside the range: 12 (explained; not compared)",
                "  missing              3",
                "    a",
                "    b",
                "    … and 1 more",
                "  doubled              0",
                "  dead-lettered events 1",
                "    0@7 id",
                "  differing rows       1",
                "    0@9 id: country: row 'FR', event 'PT'",
                "  unexpected rows      0",
                "verdict: NOT exactly once as sent"), VerifyText.reconciliation(report, "t", "ks", 2));
        assertEquals("3 missing (first: a); 1 dead-lettered events (first: 0@7 id); 1 differing rows (first: 0@9 id: country: row 'FR', "
                + "event 'PT')", VerifyText.problems(report));
    }
}

package dev.listening.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

class VerifyTextTest {
    @Test
    void listsAtMostShowIdsOfEachKindAndCountsTheRest() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ROOT);
        try {
            Reconciliation.Report report = new Reconciliation.Report(1_500, 1_497, 0, 2, 0, List.of("a", "b", "c"), List.of(), List.of());

            assertEquals(List.of(
                    "verify t -> ks.listening_history",
                    "  records in topic     1,500",
                    "  stored as rows       1,497 (join misses: 2)",
                    "  dead letters         0",
                    "  duplicate event ids  0 (same event at several offsets; stored once)",
                    "  missing              3",
                    "    a",
                    "    b",
                    "    … and 1 more",
                    "  doubled              0",
                    "  unexpected rows      0",
                    "verdict: NOT exactly once"), VerifyText.reconciliation(report, "t", "ks", 2));
        } finally {
            Locale.setDefault(before);
        }
    }
}

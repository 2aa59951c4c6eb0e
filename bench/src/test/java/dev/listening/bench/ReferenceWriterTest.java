package dev.listening.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.util.List;

class ReferenceWriterTest {
    /** A row: its partition and its size in bytes. */
    private record Row(String partition, int bytes) {
    }

    private static List<List<Row>> batches(List<Row> rows, int maxBytes) {
        return ReferenceWriter.onePartitionBatches(rows, Row::partition, Row::bytes, maxBytes);
    }

    @Test
    void eachBatchHoldsOnePartitionInTheOrderTheyFirstCame() {
        Row a1 = new Row("a", 10);
        Row b1 = new Row("b", 10);
        Row a2 = new Row("a", 10);
        Row c1 = new Row("c", 10);

        assertEquals(List.of(List.of(a1, a2), List.of(b1), List.of(c1)), batches(List.of(a1, b1, a2, c1), 100));
    }

    @Test
    void aPartitionIsCutWhereTheNextRowWouldPassTheLimit() {
        Row a1 = new Row("a", 40);
        Row a2 = new Row("a", 40);
        Row a3 = new Row("a", 30);
        Row a4 = new Row("a", 1);

        assertEquals(List.of(List.of(a1, a2), List.of(a3, a4)), batches(List.of(a1, a2, a3, a4), 80));
    }

    @Test
    void aRowLargerThanTheLimitIsABatchOfItsOwn() {
        Row small = new Row("a", 10);
        Row large = new Row("a", 500);
        Row after = new Row("a", 10);

        assertEquals(List.of(List.of(small), List.of(large), List.of(after)), batches(List.of(small, large, after), 100));
    }

    @Test
    void noRowsNoBatches() {
        assertEquals(List.of(), batches(List.of(), 100));
    }
}

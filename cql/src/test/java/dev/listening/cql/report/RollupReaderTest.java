package dev.listening.cql.report;

import dev.listening.contract.CqlFile;
import dev.listening.contract.HistoryColumn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RollupReaderTest {
    @Test
    void reportReadsTakeTheirValuesInTheOrderTheReaderBindsThem() {
        List<String> hour = List.of(HistoryColumn.DATE, HistoryColumn.HOUR);
        assertEquals(hour, CqlFile.classpath(RollupReader.SONG_PLAYS).markers());
        assertEquals(hour, CqlFile.classpath(RollupReader.HOUR_TOTALS).markers());
        assertEquals(hour, CqlFile.classpath(RollupReader.LISTENER_HOURS).markers());
        assertEquals(List.of(HistoryColumn.DATE), CqlFile.classpath(RollupReader.LISTENER_DAYS).markers());
    }

    @Test
    void reportReadsRunInTheReportsKeyspace() {
        String cql = CqlFile.classpath(RollupReader.LISTENER_DAYS).inKeyspace("it_7").oneLine();
        assertEquals("SELECT name, plays, minutes_listened FROM it_7.listener_daily WHERE date = :date", cql);
    }
}

package dev.listening.cql.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.cql.query.ResultTable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class ReportFormatsTest {
    private static final Report REPORT = new Report("top-listeners", "spotify", parameters(),
            "1 partition of listener_daily", new ResultTable(List.of("rank", "name", "plays", "minutes_listened"), List.of(
                    List.of(1L, "Liam O'Connor", 12L, 40.5),
                    List.of(2L, "Ada", 3L, 9.0))));

    @Test
    void textStatesTheReportItsParametersAndWhatItRead() {
        assertEquals("""
                -- report:     top-listeners
                -- keyspace:   spotify
                -- parameters: date = '2025-03-14', n = 10
                -- read:       1 partition of listener_daily

                 rank | name          | plays | minutes_listened
                ------+---------------+-------+------------------
                    1 | Liam O'Connor |    12 |             40.5
                    2 | Ada           |     3 |                9

                (2 rows)
                """, OutputFormat.TEXT.render(REPORT));
    }

    @Test
    void csvIsTheTableAlone() {
        assertEquals("rank,name,plays,minutes_listened\n1,Liam O'Connor,12,40.5\n2,Ada,3,9.0\n", OutputFormat.CSV.render(REPORT));
    }

    @Test
    void jsonHasTheParametersAndTheRowsAsObjects() throws Exception {
        JsonNode json = new ObjectMapper().readTree(OutputFormat.JSON.render(REPORT));

        assertEquals("top-listeners", json.get("report").asText());
        assertEquals("2025-03-14", json.get("parameters").get("date").asText());
        assertEquals(10, json.get("parameters").get("n").asInt());
        assertEquals("Liam O'Connor", json.get("rows").get(0).get("name").asText());
        assertEquals(40.5, json.get("rows").get(0).get("minutes_listened").asDouble());
        assertEquals(2, json.get("row_count").asInt());
    }

    @Test
    void theFileIsNamedAfterTheReport() {
        assertEquals("report-top-listeners.csv", OutputFormat.CSV.fileName(REPORT.outputName()));
    }

    private static Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("date", LocalDate.parse("2025-03-14"));
        parameters.put("n", 10);
        return parameters;
    }
}

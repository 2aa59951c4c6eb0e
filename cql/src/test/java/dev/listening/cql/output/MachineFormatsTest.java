package dev.listening.cql.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.listening.contract.UserError;
import dev.listening.cql.query.ResultTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static dev.listening.cql.output.Results.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MachineFormatsTest {
    private static final UUID ID = UUID.fromString("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
    private static final ResultTable ROWS = table(List.of("name", "date", "ts", "event_id", "plays", "tempo", "raw"),
            Arrays.asList("O'Connor, \"Jr\"\nthe 2nd", LocalDate.of(2024, 5, 1), Instant.parse("2024-05-01T13:45:00.120Z"),
                    ID, 3L, 120.04733333333333, ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe})),
            Arrays.asList("坂本龍一", null, null, null, null, null, null));

    @Test
    void csvHasAHeaderAndExactValuesThatParseBack() throws IOException {
        String csv = OutputFormat.CSV.render(Results.songs(ROWS));
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.DEFAULT.builder().setHeader().get())) {
            assertEquals(List.of("name", "date", "ts", "event_id", "plays", "tempo", "raw"), parser.getHeaderNames());
            List<CSVRecord> records = parser.getRecords();
            assertEquals(2, records.size());
            assertEquals(List.of("O'Connor, \"Jr\"\nthe 2nd", "2024-05-01", "2024-05-01T13:45:00.120Z", ID.toString(), "3",
                    "120.04733333333333", "0xcafe"), records.get(0).toList());
            assertEquals(List.of("坂本龍一", "", "", "", "", "", ""), records.get(1).toList());
        }
    }

    @Test
    void jsonCarriesTheQueryItsParametersAndTypedRows() throws IOException {
        JsonNode json = new ObjectMapper().readTree(OutputFormat.JSON.render(Results.mostRecentSongs(ROWS)));
        assertEquals("songs", json.get("query").asText());
        assertEquals("cql/queries/songs.cql", json.get("source").asText());
        assertEquals("demo", json.get("keyspace").asText());
        assertTrue(json.get("most_recent").asBoolean());
        assertEquals("O'Connor", json.get("parameters").get("name").asText());
        assertEquals("2024-05-01", json.get("parameters").get("date").asText());
        assertEquals(13, json.get("parameters").get("hour").asInt());
        assertTrue(json.get("cql").asText().startsWith("SELECT ts, song, artists, album_name FROM demo.listening_history WHERE"));
        assertEquals(2, json.get("row_count").asInt());
        JsonNode first = json.get("rows").get(0);
        assertEquals("O'Connor, \"Jr\"\nthe 2nd", first.get("name").asText());
        assertEquals("2024-05-01T13:45:00.120Z", first.get("ts").asText());
        assertEquals(ID.toString(), first.get("event_id").asText());
        assertTrue(first.get("plays").isIntegralNumber());
        assertEquals(120.04733333333333, first.get("tempo").doubleValue());
        assertEquals("0xcafe", first.get("raw").asText());
        JsonNode second = json.get("rows").get(1);
        assertEquals("坂本龍一", second.get("name").asText());
        assertTrue(second.get("tempo").isNull());
    }

    @Test
    void formatsAreChosenByNameAndNameTheirFiles() {
        assertEquals(OutputFormat.JSON, OutputFormat.parse("json"));
        assertEquals("output_agg.txt", OutputFormat.TEXT.fileName("output_agg"));
        assertEquals("output_agg.csv", OutputFormat.CSV.fileName("output_agg"));
        assertEquals("--format 'xml' is not one of text, csv, json",
                assertThrows(UserError.class, () -> OutputFormat.parse("xml")).getMessage());
    }
}

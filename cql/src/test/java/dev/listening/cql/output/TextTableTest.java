package dev.listening.cql.output;

import dev.listening.cql.query.ResultTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.listening.cql.output.Results.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTableTest {
    private static final ResultTable MIXED = table(List.of("ts", "song", "artists", "plays", "tempo"),
            Arrays.asList(Instant.parse("2024-05-01T13:45:00.120Z"), "坂本龍一", "Ryuichi Sakamoto", 12, 120.04733333333),
            Arrays.asList(Instant.parse("2024-05-01T13:05:00Z"), "Café", null, 3, null),
            Arrays.asList(Instant.parse("2024-05-01T13:01:00Z"), "Cafe\u0301 Zoë", "Beyoncé", null, 0.0000123),
            Arrays.asList(Instant.parse("2024-05-01T13:00:00Z"), "Two\nlines\tand a tab", "x", 1000, 98.0));

    @Test
    void theTopSaysWhichQueryRanWithWhichParameters() {
        List<String> lines = TextTable.render(Results.songs(MIXED)).lines().toList();
        assertEquals("-- query:      songs (cql/queries/songs.cql)", lines.get(0));
        assertEquals("-- keyspace:   demo", lines.get(1));
        assertEquals("-- parameters: name = 'O''Connor', date = '2024-05-01', hour = 13", lines.get(2));
        assertEquals("-- cql:        SELECT ts, song, artists, album_name", lines.get(3));
        assertEquals("--             FROM demo.listening_history", lines.get(4), "the statement as it ran");
        assertTrue(lines.contains("--             WHERE name = :name AND date = :date AND hour = :hour"), lines.toString());
    }

    @Test
    void theTopSaysWhenTheMostRecentPartitionWasPicked() {
        String text = TextTable.render(Results.mostRecentSongs(MIXED));
        assertTrue(text.contains("-- parameters: name = 'O''Connor', date = '2024-05-01', hour = 13 (the most recent present: none was given)\n"), text);
    }

    @Test
    void columnsLineUpInTerminalCellsWithWideAndCombiningCharacters() {
        List<String> table = tableLines(TextTable.render(Results.songs(MIXED)));
        assertEquals(6, table.size(), table.toString());
        List<Integer> separators = separatorColumns(table.get(0));
        assertEquals(4, separators.size());
        for (String line : List.of(table.get(0), table.get(2), table.get(3), table.get(4), table.get(5))) {
            assertEquals(separators, separatorColumns(line), line);
        }
        List<Integer> crossings = new ArrayList<>();
        for (int i = 0; i < table.get(1).length(); i++) {
            if (table.get(1).charAt(i) == '+') {
                crossings.add(i - 1);
            }
        }
        assertEquals(separators, crossings, table.get(1));
    }

    @Test
    void cellsShowNullsNumbersToTheRightAndNoRawLineBreaks() {
        List<String> table = tableLines(TextTable.render(Results.songs(MIXED)));
        assertEquals(" ts                       | song                  | artists          | plays |     tempo", table.get(0));
        assertEquals(" 2024-05-01T13:45:00.120Z | 坂本龍一              | Ryuichi Sakamoto |    12 |   120.047", table.get(2));
        assertEquals(" 2024-05-01T13:05:00Z     | Café                  | null             |     3 |      null", table.get(3));
        assertEquals(" 2024-05-01T13:01:00Z     | Cafe\u0301 Zoë              | Beyoncé          |  null | 0.0000123", table.get(4));
        assertEquals(" 2024-05-01T13:00:00Z     | Two\\nlines\\tand a tab | x                |  1000 |        98", table.get(5));
    }

    @Test
    void theRowCountCloses() {
        assertTrue(TextTable.render(Results.songs(MIXED)).endsWith("\n(4 rows)\n"));
        ResultTable one = table(List.of("plays"), List.of(1));
        assertTrue(TextTable.render(Results.songs(one)).endsWith("\n(1 row)\n"));
    }

    @Test
    void anEmptyResultStillShowsItsColumns() {
        String text = TextTable.render(Results.songs(new ResultTable(List.of("ts", "song"), List.of())));
        assertTrue(text.endsWith("\n ts | song\n----+------\n\n(0 rows)\n"), text);
    }

    @Test
    void widthCountsTerminalCells() {
        assertEquals(8, TextTable.width("坂本龍一"));
        assertEquals(4, TextTable.width("Cafe\u0301"));
        assertEquals(4, TextTable.width("Café"));
    }

    /** The lines between the header's blank line and the row count's. */
    private static List<String> tableLines(String text) {
        List<String> lines = text.lines().toList();
        int start = lines.indexOf("") + 1;
        return lines.subList(start, lines.subList(start, lines.size()).indexOf("") + start);
    }

    /** The terminal column of each " | ". */
    private static List<Integer> separatorColumns(String line) {
        List<Integer> columns = new ArrayList<>();
        for (int i = line.indexOf(" | "); i >= 0; i = line.indexOf(" | ", i + 1)) {
            columns.add(TextTable.width(line.substring(0, i)));
        }
        return columns;
    }
}

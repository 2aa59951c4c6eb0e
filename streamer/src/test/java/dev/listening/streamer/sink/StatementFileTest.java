package dev.listening.streamer.sink;

import dev.listening.contract.EventField;
import dev.listening.contract.HistoryColumn;
import dev.listening.contract.RollupColumn;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementFileTest {
    private static final String DATE = HistoryColumn.DATE;
    private static final String HOUR = HistoryColumn.HOUR;
    private static final String NAME = EventField.NAME.jsonName();

    @Test
    void everyFileOfTheStatementsDirectoryIsShippedAndSent() throws IOException {
        Set<String> files;
        try (Stream<Path> dir = Files.list(Path.of("..", "cql", "statements"))) {
            files = dir.map(p -> "cql/statements/" + p.getFileName()).collect(Collectors.toSet());
        }
        assertEquals(files, Arrays.stream(StatementFile.values()).map(StatementFile::resource).collect(Collectors.toSet()));
        for (StatementFile file : StatementFile.values()) {
            String verb = file.load().cql().split("\\s", 2)[0];
            assertTrue(file.name().contains("_" + verb), file.resource() + " is a " + verb);
        }
    }

    @Test
    void statementsRunInTheStreamsKeyspace() {
        String cql = StatementFile.LISTENER_DAILY_INSERT.cql("it_7");
        assertTrue(cql.startsWith("INSERT INTO it_7.listener_daily"), cql);
        assertEquals("SELECT release_version FROM system.local", StatementFile.SYSTEM_LOCAL_SELECT.cql("it_7"));
    }

    @Test
    void rollupWritesBindEveryAveragedFeature() {
        List<String> sums = RollupColumn.AVERAGED.stream().map(RollupColumn::sum).toList();
        List<String> averages = RollupColumn.AVERAGED.stream().map(RollupColumn::average).toList();
        assertEquals(concat(List.of(DATE, HOUR, NAME, RollupColumn.PLAYS, RollupColumn.PLAYS_WITH_FEATURES,
                RollupColumn.SUM_DURATION_MS), sums), StatementFile.LISTENER_HOURLY_INSERT.load().markers());
        assertEquals(concat(List.of(DATE, HOUR, RollupColumn.PLAYS, RollupColumn.LISTENERS, RollupColumn.PLAYS_WITH_FEATURES),
                averages), StatementFile.LISTENING_BY_HOUR_INSERT_TOTALS.load().markers());
        assertEquals(concat(List.of(DATE, NAME, RollupColumn.PLAYS, RollupColumn.PLAYS_WITH_FEATURES,
                RollupColumn.MINUTES_LISTENED), averages), StatementFile.LISTENER_DAILY_INSERT.load().markers());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}

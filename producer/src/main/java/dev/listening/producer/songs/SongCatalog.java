package dev.listening.producer.songs;

import dev.listening.contract.SongColumn;
import dev.listening.contract.UserError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;

/**
 * The songs of data/spotify-songs.csv, read with a real RFC 4180 parser. A row that cannot be a song
 * (blank title or artists, wrong field count, a number that does not parse) is skipped and recorded;
 * a file that cannot be read or is not a songs file at all is a {@link UserError}.
 */
public final class SongCatalog {
    /** Blank lines stay records here, so they are counted as skipped rather than silently dropped. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(false)
            .get();

    private final List<Song> songs;
    private final List<SkippedRow> skipped;

    private SongCatalog(List<Song> songs, List<SkippedRow> skipped) {
        this.songs = List.copyOf(songs);
        this.skipped = List.copyOf(skipped);
    }

    /** A row that was not loaded: its line in the file and why. */
    public record SkippedRow(long line, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    public static SongCatalog load(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv);
             CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            requireColumns(csv, parser.getHeaderNames());
            List<Song> songs = new ArrayList<>();
            List<SkippedRow> skipped = new ArrayList<>();
            for (CSVRecord record : parser) {
                try {
                    songs.add(parse(record));
                } catch (BadRow bad) {
                    skipped.add(new SkippedRow(record.getParser().getCurrentLineNumber(), bad.getMessage()));
                }
            }
            if (songs.isEmpty()) {
                throw new UserError("no songs in " + csv + " (" + skipped.size() + " rows skipped)");
            }
            return new SongCatalog(songs, skipped);
        } catch (NoSuchFileException e) {
            throw new UserError("songs file not found: " + csv.toAbsolutePath() + " (use --songs PATH)", e);
        } catch (CharacterCodingException e) {
            throw new UserError("songs file " + csv + " is not UTF-8 text", e);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports a malformed file (e.g. an unterminated quote) as an unchecked exception
            throw new UserError("cannot read songs file " + csv + ": " + e.getMessage(), e);
        }
    }

    public List<Song> songs() {
        return songs;
    }

    public List<SkippedRow> skipped() {
        return skipped;
    }

    private static void requireColumns(Path csv, List<String> headers) {
        List<String> missing = Arrays.stream(SongColumn.values())
                .map(SongColumn::csvHeader)
                .filter(header -> !headers.contains(header))
                .toList();
        if (!missing.isEmpty()) {
            throw new UserError("not a songs file: " + csv + " has no column " + String.join(", ", missing));
        }
    }

    private static Song parse(CSVRecord record) throws BadRow {
        if (!record.isConsistent()) {
            throw new BadRow("expected " + record.getParser().getHeaderNames().size()
                    + " fields, found " + record.size());
        }
        EnumMap<SongColumn, Object> values = new EnumMap<>(SongColumn.class);
        for (SongColumn column : SongColumn.values()) {
            values.put(column, typed(column, record.get(column.csvHeader())));
        }
        Song song = new Song(values);
        if (song.title().isBlank() || song.artists().isBlank()) {
            throw new BadRow("no song title or artists");
        }
        return song;
    }

    private static Object typed(SongColumn column, String text) throws BadRow {
        try {
            return switch (column.type()) {
                case STRING -> text;
                case INT -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case DOUBLE -> Double.valueOf(text);
            };
        } catch (NumberFormatException e) {
            throw new BadRow(column.csvHeader() + " is not a number: '" + text + "'");
        }
    }

    /** A row that is not a song; checked so that a malformed row can never escape the loop unnoticed. */
    private static final class BadRow extends Exception {
        BadRow(String reason) {
            super(reason, null, false, false);
        }
    }
}

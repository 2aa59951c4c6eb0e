package dev.listening.streamer.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

class TouchedTest {
    @Test
    void namesAndSongsWithQuotesCommasAndAccentsComeBackAsTheyWere() {
        Set<ListenerSong> touched = Set.of(
                new ListenerSong(new ListenerHour("Zoë \"Z\" O'Hara", LocalDate.parse("2025-03-14"), 23),
                        new Song("yes, and?", "Ariana Grande")),
                new ListenerSong(new ListenerHour("Ada", LocalDate.parse("1970-01-01"), 0), new Song("PERRO NEGRO", "Bad Bunny, Feid")));

        assertEquals(touched, Touched.decode(Touched.encode(touched)));
    }

    @Test
    void chunksCoverTheSetOnceWithinTheSize() {
        Set<ListenerSong> touched = IntStream.range(0, 12)
                .mapToObj(i -> new ListenerSong(new ListenerHour("L" + i, LocalDate.parse("2025-03-14"), i), new Song("S", "A")))
                .collect(Collectors.toSet());

        List<List<ListenerSong>> chunks = Touched.chunks(touched, 5);

        assertEquals(List.of(5, 5, 2), chunks.stream().map(List::size).toList());
        assertEquals(touched, new HashSet<>(chunks.stream().flatMap(List::stream).toList()));
    }
}

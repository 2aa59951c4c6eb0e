package dev.listening.streamer.rollup;

import dev.listening.streamer.plan.ListeningPlan;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A song a listener played in a listener-hour: what a batch touched, one per distinct pair. */
public record ListenerSong(ListenerHour listenerHour, Song song) {
    /** What a batch touched, from the metrics {@link ListeningPlan#observe} collects. */
    public static Set<ListenerSong> of(Map<String, Object> observed) {
        Object value = observed.get(ListeningPlan.LISTENER_SONGS);
        Set<ListenerSong> touched = new HashSet<>();
        if (value != null) {
            @SuppressWarnings("unchecked")
            scala.collection.Seq<Row> rows = (scala.collection.Seq<Row>) value;
            for (Row row : CollectionConverters.asJava(rows)) {
                touched.add(new ListenerSong(
                        new ListenerHour(row.getString(0), LocalDate.ofEpochDay(row.getInt(1)), row.getInt(2)),
                        new Song(row.getString(3), row.getString(4))));
            }
        }
        return touched;
    }

    public SongHour songHour() {
        return new SongHour(listenerHour.dateHour(), song);
    }

    /** A song in a UTC date/hour: one row of listening_by_hour. */
    public record SongHour(ListenerHour.DateHour hour, Song song) {
    }
}

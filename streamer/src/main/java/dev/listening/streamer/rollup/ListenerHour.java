package dev.listening.streamer.rollup;

import dev.listening.streamer.plan.ListeningPlan;
import org.apache.spark.sql.Row;
import scala.jdk.javaapi.CollectionConverters;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** One listening_history partition: a listener's UTC date/hour. */
public record ListenerHour(String name, LocalDate date, int hour) {
    /** The listener-hours a batch touched, from the metrics {@link ListeningPlan#observe} collects. */
    public static Set<ListenerHour> of(Map<String, Object> observed) {
        Object value = observed.get(ListeningPlan.LISTENER_HOURS);
        Set<ListenerHour> touched = new HashSet<>();
        if (value != null) {
            @SuppressWarnings("unchecked")
            scala.collection.Seq<Row> rows = (scala.collection.Seq<Row>) value;
            for (Row row : CollectionConverters.asJava(rows)) {
                touched.add(new ListenerHour(row.getString(0), LocalDate.ofEpochDay(row.getInt(1)), row.getInt(2)));
            }
        }
        return touched;
    }

    public ListenerDay day() {
        return new ListenerDay(name, date);
    }

    public DateHour dateHour() {
        return new DateHour(date, hour);
    }

    /** A listener's UTC day. */
    public record ListenerDay(String name, LocalDate date) {
    }

    /** A UTC date/hour. */
    public record DateHour(LocalDate date, int hour) {
    }
}

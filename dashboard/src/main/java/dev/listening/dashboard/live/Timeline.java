package dev.listening.dashboard.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The samples of the last few minutes, oldest first; thread-safe. */
public final class Timeline {
    private final int capacity;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public Timeline(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(Sample sample) {
        if (samples.size() == capacity) {
            samples.removeFirst();
        }
        samples.addLast(sample);
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Column-wise, as the charts take them: "time" in epoch seconds, then one array per series. */
    public static Map<String, List<Object>> columns(List<Sample> samples) {
        Map<String, List<Object>> columns = new LinkedHashMap<>();
        columns.put("time", column(samples, s -> s.time() / 1000.0));
        columns.put("produced_per_second", column(samples, Sample::producedPerSecond));
        columns.put("stored_per_second", column(samples, Sample::storedPerSecond));
        columns.put("kafka_lag_records", column(samples, Sample::lagRecords));
        columns.put("kafka_lag_seconds", column(samples, Sample::lagSeconds));
        columns.put("batch_seconds", column(samples, Sample::batchSeconds));
        columns.put("freshness_seconds", column(samples, Sample::freshnessSeconds));
        columns.put("dead_letters", column(samples, Sample::deadLetters));
        columns.put("join_misses", column(samples, Sample::joinMisses));
        return columns;
    }

    private static List<Object> column(List<Sample> samples, Function<Sample, Object> value) {
        List<Object> column = new ArrayList<>(samples.size());
        samples.forEach(s -> column.add(value.apply(s)));
        return column;
    }
}

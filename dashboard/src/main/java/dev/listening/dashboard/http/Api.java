package dev.listening.dashboard.http;

import dev.listening.cql.query.ResultTable;
import dev.listening.dashboard.live.KafkaSampler;
import dev.listening.dashboard.live.Play;
import dev.listening.dashboard.live.Sample;
import dev.listening.dashboard.live.ServiceState;
import dev.listening.dashboard.live.StreamerTotals;
import dev.listening.dashboard.live.Timeline;
import dev.listening.dashboard.store.HourRankings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents of the page's endpoints, as pure functions of what the watchers last saw. */
final class Api {
    private Api() {
    }

    /** GET /api/live: services, totals, the time charts and the latest plays. */
    static Map<String, Object> live(Instant now, List<ServiceState> services, KafkaSampler.Reading kafka,
                                    StreamerTotals streamer, List<Sample> samples, List<Play> plays) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("produced", kafka == null ? null : kafka.produced());
        totals.put("batches", streamer.batches());
        totals.put("stored", streamer.rowsStored());
        totals.put("dead_letters", streamer.deadLetters());
        totals.put("join_misses", streamer.joinMisses());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("time", now.toString());
        document.put("services", services);
        document.put("totals", totals);
        document.put("last_batch", streamer.last());
        document.put("series", Timeline.columns(samples));
        document.put("plays", plays);
        return document;
    }

    /** GET /api/hour: the current hour's rankings as last read, and whether Cassandra answered since. */
    static Map<String, Object> hour(ServiceState cassandra, HourRankings hour) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("cassandra", cassandra);
        if (hour != null) {
            document.put("date", hour.date());
            document.put("hour", hour.hour());
            document.put("songs", table(hour.songs()));
            document.put("listeners", table(hour.listeners()));
        }
        return document;
    }

    static Map<String, Object> error(String message) {
        return Map.of("error", message);
    }

    /** Columns and rows; the rankings hold only text and numbers. */
    static Map<String, Object> table(ResultTable table) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("columns", table.columns());
        document.put("rows", new ArrayList<>(table.rows()));
        return document;
    }
}

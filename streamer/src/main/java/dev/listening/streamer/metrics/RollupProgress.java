package dev.listening.streamer.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StateOperatorProgress;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the rollups stand against the history, from the progress of both queries (they read the same
 * topic): the last history batch whose records the rollups have all read, the records between the two
 * queries' offsets, the event time between the newest stored and the newest rolled-up event, and the
 * events the rollups dropped as later than their watermark. Used on Spark's one listener thread.
 */
public final class RollupProgress {
    /** Spark's progress names the event-time statistics of a batch with a watermark so. */
    static final String MAX_EVENT_TIME = "max";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Map<String, Long>>> OFFSETS = new TypeReference<>() {
    };

    /** History batches not yet known to be rolled up -> their end offsets. */
    private final TreeMap<Long, Map<String, Long>> pending = new TreeMap<>();
    private Map<String, Long> historyEnd = Map.of();
    private Map<String, Long> rolledUpEnd;
    private Long rolledUpThrough;
    private Long newestRolledUpMs;
    private long late;
    private long rows;
    private long millis;

    /** A rollup batch ran. */
    public void rollupBatch(StreamingQueryProgress progress) {
        late += Arrays.stream(progress.stateOperators()).mapToLong(StateOperatorProgress::numRowsDroppedByWatermark).sum();
        rows += progress.numInputRows();
        millis += progress.batchDuration();
        rolledUpEnd = endOffsets(progress.sources());
        String max = progress.eventTime().get(MAX_EVENT_TIME);
        if (max != null) {
            long ms = Instant.parse(max).toEpochMilli();
            newestRolledUpMs = newestRolledUpMs == null ? ms : Math.max(newestRolledUpMs, ms);
        }
        advance();
    }

    /** A history batch ran. */
    public void historyBatch(StreamingQueryProgress progress) {
        historyEnd = endOffsets(progress.sources());
        pending.put(progress.batchId(), historyEnd);
        advance();
    }

    /** What the next metrics record says; the late events, rows and time counted so far go into it and are not counted again. */
    public BatchReport.Rollups report(Long newestStoredEventMs) {
        Long lagRecords = rolledUpEnd == null ? null : historyEnd.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - rolledUpEnd.getOrDefault(e.getKey(), 0L))).sum();
        Double lagSeconds = newestStoredEventMs == null || newestRolledUpMs == null ? null
                : Math.max(0, newestStoredEventMs - newestRolledUpMs) / 1000.0;
        BatchReport.Rollups report = new BatchReport.Rollups(rolledUpThrough, lagRecords, lagSeconds, late, rows, millis);
        late = 0;
        rows = 0;
        millis = 0;
        return report;
    }

    private void advance() {
        if (rolledUpEnd == null) {
            return;
        }
        while (!pending.isEmpty() && covered(pending.firstEntry().getValue())) {
            rolledUpThrough = pending.pollFirstEntry().getKey();
        }
    }

    private boolean covered(Map<String, Long> end) {
        return end.entrySet().stream().allMatch(e -> rolledUpEnd.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    /** "topic/partition" -> end offset, over the sources (a Kafka source's endOffset is {"topic":{"0":5}}). */
    static Map<String, Long> endOffsets(SourceProgress[] sources) {
        Map<String, Long> ends = new HashMap<>();
        for (SourceProgress source : sources) {
            if (source.endOffset() == null) {
                continue;
            }
            try {
                JSON.readValue(source.endOffset(), OFFSETS).forEach((topic, partitions) ->
                        partitions.forEach((partition, offset) -> ends.put(topic + "/" + partition, offset)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("a source's end offsets are not Kafka's: " + source.endOffset(), e);
            }
        }
        return new TreeMap<>(ends);
    }
}

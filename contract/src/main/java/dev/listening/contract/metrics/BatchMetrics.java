package dev.listening.contract.metrics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the streamer did in one micro-batch, or in an idle trigger ({@code idle}: no batch ran, and
 * {@code batch} is the last one that did): one JSON line of its metrics file, and what its Prometheus
 * endpoint exports. Benchmarks and tests read these instead of the job's log. Times are ISO-8601 UTC;
 * a field is null when there is nothing to say yet (no event stored, no Kafka timestamp read).
 *
 * @param time                 when the batch (or idle trigger) was reported
 * @param runId                Spark's run id of the query: a restart on the same checkpoint is a new run
 * @param inputRows            records the batch read from Kafka
 * @param rowsStored           well-formed events written to listening_history
 * @param retries              writes of the batch retried while Cassandra was unavailable
 * @param kafkaLagRecords      offsets between the batch's end and the partition's latest, the worst partition
 * @param kafkaLagSeconds      age of the newest record the batch read when it finished (0 once caught up)
 * @param rolledUpThroughBatch the last batch whose records the rollups have all read
 * @param rollupLagRecords     records the history has read and the rollups not yet (null before the rollups' first batch)
 * @param rollupLagSeconds     newest event time stored minus the newest one rolled up (null while either is unknown)
 * @param lateForRollups       events the rollups dropped since the previous record, older than their watermark
 *                             ({@code --rollup-lateness}); stored in the history all the same
 * @param newestEventTime      the newest event time stored by this run so far
 * @param freshnessSeconds     {@code time} minus {@code newestEventTime}
 * @param rollupRows           records the rollup query's batches read since the previous record
 * @param rollupMs             milliseconds those batches took: with {@code rollupRows}, what the rollups cost an event
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchMetrics(String time, String runId, long batch, boolean idle, long inputRows, long rowsStored,
                           long deadLetters, long joinMisses, long retries, long durationMs, double rowsPerSecond,
                           Long kafkaLagRecords, Double kafkaLagSeconds, Long rolledUpThroughBatch, Long rollupLagRecords,
                           Double rollupLagSeconds, long lateForRollups, String newestEventTime, Double freshnessSeconds,
                           long rollupRows, long rollupMs) {
}

package dev.listening.dashboard.live;

/**
 * One point of the page's time charts: what happened since the sample before it. A value is null
 * when its source did not answer or has nothing to say yet; the chart leaves a gap there.
 *
 * @param time             epoch milliseconds
 * @param producedPerSecond growth of the topic's end offsets over the interval
 * @param storedPerSecond   rows the streamer reported stored over the interval
 * @param lagRecords        the streamer's last reported Kafka lag, records
 * @param lagSeconds        the streamer's last reported Kafka lag, seconds
 * @param batchSeconds      duration of the streamer's last batch
 * @param freshnessSeconds  now minus the newest event time the streamer reported stored
 * @param deadLetters       dead letters reported over the interval
 * @param joinMisses        join misses reported over the interval
 */
public record Sample(long time, Double producedPerSecond, Double storedPerSecond, Long lagRecords, Double lagSeconds,
                     Double batchSeconds, Double freshnessSeconds, Long deadLetters, Long joinMisses) {
}

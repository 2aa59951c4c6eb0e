package dev.listening.contract;

/**
 * Columns of listening_history (and listening_dead_letter) that are neither event fields nor
 * song columns: the partition columns the streamer derives and the dead-letter bookkeeping.
 */
public final class HistoryColumn {
    /** UTC calendar day of {@code ts}, a CQL date. */
    public static final String DATE = "date";
    /** UTC hour of day (0-23) of {@code ts}. */
    public static final String HOUR = "hour";

    public static final String DEAD_LETTER_RAW_VALUE = "raw_value";
    public static final String DEAD_LETTER_ERROR = "error";
    public static final String DEAD_LETTER_TOPIC = "topic";
    public static final String DEAD_LETTER_PARTITION = "kafka_partition";
    public static final String DEAD_LETTER_OFFSET = "kafka_offset";
    public static final String DEAD_LETTER_RECEIVED_AT = "received_at";

    private HistoryColumn() {
    }
}

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
    /** 1 for a play whose action is skip, 0 for another action, null without one: averages sums it. */
    public static final String SKIPPED = "skipped";

    /**
     * The longest {@code name}, in UTF-8 bytes, that fits the partition key (name, date, hour):
     * Cassandra refuses keys over 65,535 bytes, and each of the three parts takes 3 bytes of
     * framing besides the 4 of date and of hour. Cassandra 5.0.9 stores 65,518 and refuses 65,519.
     */
    public static final int MAX_NAME_BYTES = 65_535 - 3 * 3 - 4 - 4;

    public static final String DEAD_LETTER_RAW_VALUE = "raw_value";
    public static final String DEAD_LETTER_ERROR = "error";
    public static final String DEAD_LETTER_TOPIC = "topic";
    public static final String DEAD_LETTER_PARTITION = "kafka_partition";
    public static final String DEAD_LETTER_OFFSET = "kafka_offset";
    public static final String DEAD_LETTER_RECEIVED_AT = "received_at";

    private HistoryColumn() {
    }
}

package dev.listening.verify;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One record of the topic as verify sees it. {@code row} is where its listening_history row must be
 * if the value is a usable event, or null when only a dead letter can account for it.
 */
public record RecordRef(int partition, long offset, RowKey row) {

    /** The primary-key prefix and id of a listening_history row. */
    public record RowKey(String name, LocalDate date, int hour, UUID eventId, boolean joinable) {
        public PartitionKey partitionKey() {
            return new PartitionKey(name, date, hour);
        }
    }

    public record PartitionKey(String name, LocalDate date, int hour) {
    }

    public String coordinates() {
        return partition + "@" + offset;
    }
}

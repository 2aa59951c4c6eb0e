package dev.listening.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One record of the topic as verify sees it: its coordinates, its Kafka timestamp (which the
 * streamer keeps as a dead letter's received_at) and {@code row}, the listening_history row it must
 * have if the value is a well-formed event, or null when only a dead letter can account for it.
 */
public record RecordRef(int partition, long offset, Instant timestamp, EventRow row) {

    public record PartitionKey(String name, LocalDate date, int hour) {
        @Override
        public String toString() {
            return name + " " + date + " " + hour + "h";
        }
    }

    /** The primary key of a listening_history row: its partition, then ts and event_id. */
    public record PrimaryKey(PartitionKey partition, Instant ts, UUID eventId) {
        @Override
        public String toString() {
            return partition + " " + ts + " " + eventId;
        }
    }

    public String coordinates() {
        return partition + "@" + offset;
    }
}

package dev.listening.streamer.plan;

import dev.listening.contract.EventField;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The explicit from_json schema of an event value, built from the contract's {@link EventField}s. */
public final class EventSchema {
    /** Filled by from_json (PERMISSIVE) with the raw text when the value does not fit the schema. */
    static final String CORRUPT_RECORD = "_corrupt_record";

    private EventSchema() {
    }

    public static StructType events() {
        StructType schema = new StructType();
        for (EventField field : EventField.values()) {
            schema = schema.add(field.jsonName(), SparkTypes.of(field.type()), true);
        }
        return schema;
    }

    static StructType eventsWithCorruptRecord() {
        return events().add(CORRUPT_RECORD, DataTypes.StringType, true);
    }
}

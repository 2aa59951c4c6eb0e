package dev.listening.streamer.sink;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

import java.nio.ByteBuffer;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Binds a Spark row to a prepared INSERT by index: one setter per column, chosen once from the
 * column's CQL type. A null leaves its marker unset, so Cassandra writes no tombstone for it.
 * The frame and the statement must name the same columns: a column the statement does not bind
 * would silently not be stored.
 */
final class RowBinder {
    /** Sets one bound value from a non-null cell of the row. */
    @FunctionalInterface
    private interface Setter {
        void set(BoundStatementBuilder statement, Row row);
    }

    private interface SetterFactory {
        Setter of(int marker, int field);
    }

    private static final Map<DataType, SetterFactory> SETTERS = Map.of(
            DataTypes.TEXT, (m, f) -> (s, r) -> s.setString(m, r.getString(f)),
            DataTypes.UUID, (m, f) -> (s, r) -> s.setUuid(m, UUID.fromString(r.getString(f))),
            DataTypes.BIGINT, (m, f) -> (s, r) -> s.setLong(m, r.getLong(f)),
            DataTypes.INT, (m, f) -> (s, r) -> s.setInt(m, r.getInt(f)),
            DataTypes.DOUBLE, (m, f) -> (s, r) -> s.setDouble(m, r.getDouble(f)),
            DataTypes.TIMESTAMP, (m, f) -> (s, r) -> s.setInstant(m, instant(r.get(f))),
            DataTypes.DATE, (m, f) -> (s, r) -> s.setLocalDate(m, localDate(r.get(f))),
            DataTypes.BLOB, (m, f) -> (s, r) -> s.setByteBuffer(m, ByteBuffer.wrap((byte[]) r.get(f))));

    private final PreparedStatement prepared;
    private final int[] fields;
    private final Setter[] setters;

    private RowBinder(PreparedStatement prepared, int[] fields, Setter[] setters) {
        this.prepared = prepared;
        this.fields = fields;
        this.setters = setters;
    }

    static RowBinder of(PreparedStatement prepared, StructType schema) {
        int markers = prepared.getVariableDefinitions().size();
        int[] fields = new int[markers];
        Setter[] setters = new Setter[markers];
        Set<String> bound = new HashSet<>();
        for (int marker = 0; marker < markers; marker++) {
            ColumnDefinition column = prepared.getVariableDefinitions().get(marker);
            String name = column.getName().asInternal();
            if (!Arrays.asList(schema.fieldNames()).contains(name)) {
                throw new IllegalArgumentException("the statement binds " + name + ", which the frame does not have: " + schema.simpleString());
            }
            SetterFactory factory = SETTERS.get(column.getType());
            if (factory == null) {
                throw new IllegalArgumentException("column " + name + " is of CQL type " + column.getType() + ", which this writer does not bind");
            }
            fields[marker] = schema.fieldIndex(name);
            setters[marker] = factory.of(marker, fields[marker]);
            bound.add(name);
        }
        Set<String> unbound = new HashSet<>(Arrays.asList(schema.fieldNames()));
        unbound.removeAll(bound);
        if (!unbound.isEmpty()) {
            throw new IllegalArgumentException("the statement does not store the frame's columns " + unbound);
        }
        return new RowBinder(prepared, fields, setters);
    }

    BoundStatement bind(Row row) {
        BoundStatementBuilder statement = prepared.boundStatementBuilder();
        for (int marker = 0; marker < setters.length; marker++) {
            if (!row.isNullAt(fields[marker])) {
                setters[marker].set(statement, row);
            }
        }
        return statement.build();
    }

    // Spark hands out java.sql types unless spark.sql.datetime.java8API.enabled; both are taken.
    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}

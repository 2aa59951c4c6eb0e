package dev.listening.streamer.plan;

import dev.listening.contract.FieldType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** The contract's field types as Spark SQL types. */
final class SparkTypes {
    private SparkTypes() {
    }

    static DataType of(FieldType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
        };
    }
}

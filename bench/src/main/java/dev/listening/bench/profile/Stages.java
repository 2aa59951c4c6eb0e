package dev.listening.bench.profile;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a sampled stack is put into a stage: the first {@link Stage.Kind#ANYWHERE} stage any frame passes
 * through; else the innermost frame an {@link Stage.Kind#INNERMOST} stage recognises (the first such stage
 * for that frame); else, the same way, a {@link Stage.Kind#FALLBACK} stage. What none recognises is {@link #OTHER}.
 */
public record Stages(List<Stage> stages) {
    public static final String OTHER = "other";

    /** The streaming job's JVM (driver and local executors), along the path of a record. */
    public static final Stages STREAMER = new Stages(List.of(
            // the rollup query's own Kafka read and parsing count under the stages below, with the history query's
            Stage.anywhere("rollups: aggregation, state store, upserts", "dev.listening.streamer.rollup.",
                    "org.apache.spark.sql.execution.streaming.state.", "org.apache.spark.sql.execution.streaming.StateStore",
                    "org.apache.spark.sql.execution.aggregate.", "org.rocksdb."),
            Stage.innermost("decompression (gzip)", "java.util.zip.", "org.apache.kafka.common.compress."),
            Stage.innermost("Kafka read", "org.apache.kafka.", "org.apache.spark.sql.kafka010."),
            Stage.innermost("from_json", "org.apache.spark.sql.catalyst.json.", "com.fasterxml.jackson."),
            Stage.innermost("validation: event_id pattern", "java.util.regex."),
            Stage.innermost("join with the songs", "org.apache.spark.sql.execution.joins."),
            Stage.innermost("row binding", "dev.listening.streamer.sink.RowBinder", "com.datastax.oss.driver.internal.core.type.codec.",
                    "com.datastax.oss.driver.internal.core.cql.DefaultBoundStatement",
                    "com.datastax.oss.driver.api.core.cql.BoundStatementBuilder"),
            Stage.innermost("Cassandra driver: requests and I/O", "com.datastax.oss.driver.", "io.netty."),
            Stage.anywhere("observed batch metrics (counts, listener-songs)", "org.apache.spark.sql.execution.AggregatingAccumulator",
                    "org.apache.spark.sql.execution.CollectMetricsExec"),
            Stage.anywhere("Spark's status store (observed values as text)", "org.apache.spark.status."),
            // Spark's row and string utilities serve every stage above: theirs where one of those calls them
            Stage.fallback("projections, UTF-8 check (generated code)", "org.apache.spark.sql.catalyst.expressions.",
                    "org.apache.spark.unsafe."),
            Stage.fallback("Spark: tasks, scheduling, other", "org.apache.spark.", "scala.")));

    /** A Cassandra node. */
    public static final Stages CASSANDRA = new Stages(List.of(
            Stage.anywhere("compaction", "org.apache.cassandra.db.compaction."),
            Stage.anywhere("commit log", "org.apache.cassandra.db.commitlog."),
            Stage.anywhere("memtable flush", "org.apache.cassandra.db.memtable.Flush", "org.apache.cassandra.db.ColumnFamilyStore$Flush"),
            Stage.anywhere("reads", "org.apache.cassandra.db.ReadCommand", "org.apache.cassandra.db.SinglePartitionReadCommand",
                    "org.apache.cassandra.db.PartitionRangeReadCommand"),
            Stage.anywhere("writes: mutations into memtables", "org.apache.cassandra.db.Mutation", "org.apache.cassandra.db.Keyspace.apply"),
            Stage.innermost("native transport, CQL", "org.apache.cassandra.transport.", "org.apache.cassandra.cql3.", "io.netty."),
            Stage.fallback("Cassandra: other", "org.apache.cassandra.")));

    public Stages {
        stages = List.copyOf(stages);
    }

    /** The stage of a stack, given innermost frame first as class.method. */
    public String of(List<String> frames) {
        for (Stage stage : stages) {
            if (stage.kind() == Stage.Kind.ANYWHERE && frames.stream().anyMatch(stage::matches)) {
                return stage.name();
            }
        }
        return innermost(frames, Stage.Kind.INNERMOST).or(() -> innermost(frames, Stage.Kind.FALLBACK)).orElse(OTHER);
    }

    private Optional<String> innermost(List<String> frames, Stage.Kind kind) {
        for (String frame : frames) {
            for (Stage stage : stages) {
                if (stage.kind() == kind && stage.matches(frame)) {
                    return Optional.of(stage.name());
                }
            }
        }
        return Optional.empty();
    }

    /** The stage names in the order a report lists them, {@link #OTHER} last. */
    public List<String> names() {
        return Stream.concat(stages.stream().map(Stage::name), Stream.of(OTHER)).toList();
    }
}

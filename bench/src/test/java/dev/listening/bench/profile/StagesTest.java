package dev.listening.bench.profile;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StagesTest {
    @Test
    void theInnermostRecognisedFrameDecides() {
        assertEquals("decompression (gzip)", Stages.STREAMER.of(List.of("java.util.zip.Inflater.inflateBytesBytes",
                "org.apache.kafka.common.record.DefaultRecordBatch.iterator", "org.apache.spark.executor.Executor.run")));
        assertEquals("Kafka read", Stages.STREAMER.of(List.of("java.util.HashMap.get",
                "org.apache.kafka.clients.consumer.KafkaConsumer.poll", "org.apache.spark.sql.kafka010.KafkaDataConsumer.get")));
        assertEquals("row binding", Stages.STREAMER.of(List.of("com.datastax.oss.driver.internal.core.type.codec.TextCodec.encode",
                "dev.listening.streamer.sink.RowBinder.bind", "org.apache.spark.rdd.RDD.foreachPartition")));
    }

    @Test
    void anAnywhereStageClaimsTheWholeStack() {
        assertEquals("rollups: aggregation, state store, upserts", Stages.STREAMER.of(List.of(
                "io.netty.channel.nio.NioEventLoop.select", "com.datastax.oss.driver.internal.core.cql.CqlRequestHandler.sendRequest",
                "dev.listening.streamer.rollup.RollupSink.write")));
        assertEquals("rollups: aggregation, state store, upserts", Stages.STREAMER.of(List.of("org.rocksdb.RocksDB.put",
                "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider$RocksDBStateStore.put")));
        assertEquals("compaction", Stages.CASSANDRA.of(List.of("org.apache.cassandra.io.sstable.format.SSTableWriter.append",
                "org.apache.cassandra.db.compaction.CompactionTask.runMayThrow")));
    }

    @Test
    void aFallbackStageTakesOnlyWhatNoOtherStageRecognises() {
        assertEquals("native transport, CQL", Stages.CASSANDRA.of(List.of("org.apache.cassandra.utils.btree.BTree.find",
                "org.apache.cassandra.cql3.QueryProcessor.process", "io.netty.channel.AbstractChannelHandlerContext.fireChannelRead")));
        assertEquals("Cassandra: other", Stages.CASSANDRA.of(List.of("org.apache.cassandra.utils.btree.BTree.find",
                "java.lang.Thread.run")));
        assertEquals("Spark: tasks, scheduling, other", Stages.STREAMER.of(List.of("scala.collection.immutable.List.map",
                "org.apache.spark.scheduler.Task.run")));
    }

    @Test
    void whatNoStageRecognisesIsOther() {
        assertEquals(Stages.OTHER, Stages.STREAMER.of(List.of("java.lang.Thread.run")));
        assertEquals(Stages.OTHER, Stages.STREAMER.of(List.of()));
        assertEquals(Stages.OTHER, Stages.STREAMER.names().get(Stages.STREAMER.names().size() - 1));
    }
}

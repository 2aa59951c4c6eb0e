package dev.listening.cli.bench;

import dev.listening.bench.Benchmark;
import dev.listening.bench.ClusterThroughput;
import dev.listening.cli.HomeOption;
import dev.listening.contract.Env;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.options.SongsOption;
import dev.listening.stack.ClusterSettings;
import dev.listening.stack.StackSettings;
import dev.listening.stack.ProjectRoot;
import dev.listening.stack.cassandra.CassandraRing;
import dev.listening.stack.kafka.KafkaRing;
import dev.listening.stack.net.HostPort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** ./pipeline bench cluster: the streamer's rows/s and CPU per event on the local cluster: partitions, workers, nodes, RF, brokers. */
@Command(name = "cluster", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "On the cluster of ./pipeline up --cluster: fills a fresh topic of each of "
                        + "--partitions with --warmup-records + --records events, then streams it (trigger 1s, 1-core executors), each run into a fresh "
                        + "keyspace: 1 and 2 workers on the ring at RF 3 and LOCAL_QUORUM; on the 1-partition topic also 2 "
                        + "workers with --min-partitions 2; on the topic of the most partitions 2 workers on the ring at RF 1 "
                        + "and LOCAL_ONE, and 2 workers on a node of its own at RF 1 (started on the address after the ring's "
                        + "for this run, then deleted).",
                "Then the same events go into a broker of its own (on the address after the brokers', then deleted) and are "
                        + "streamed with 2 workers into the ring at RF 3; both fills (acks=all) are timed: 3 brokers against 1.",
                "Prints each run's steady rows/s (batches after the warm-up records), the ratios, and the CPU-seconds per "
                        + "100,000 events of the producer, Kafka, the Spark driver, executors and daemons, and Cassandra; "
                        + "writes them to --out."})
public final class ClusterBench extends ReportedBench<ClusterThroughput.Result> {
    /** --bootstrap is the first broker and --cassandra the ring's first node, as given to up --cluster. */
    @Mixin
    ServiceOptions services;

    @Option(names = StackSettings.KAFKA_CONTROLLER_PORT_FLAG, paramLabel = "PORT", defaultValue = Env.KAFKA_CONTROLLER_PORT_OPTION,
            description = "The brokers' controller port, also the extra broker's (env " + Env.KAFKA_CONTROLLER_PORT + "). "
                    + "Default: ${DEFAULT-VALUE}.")
    int kafkaControllerPort;

    @Option(names = "--cassandra-nodes", paramLabel = "N", defaultValue = "3",
            description = "Nodes of the ring, as given to up --cluster. Default: ${DEFAULT-VALUE}.")
    int cassandraNodes;

    @Option(names = "--cassandra-storage-port", paramLabel = "PORT", defaultValue = Env.CASSANDRA_STORAGE_PORT_OPTION,
            description = "The ring's storage port, also the extra node's (env " + Env.CASSANDRA_STORAGE_PORT + "). Default: ${DEFAULT-VALUE}.")
    int storagePort;

    @Option(names = ClusterSettings.SPARK_MASTER_FLAG, paramLabel = "HOST:PORT", defaultValue = Env.SPARK_MASTER_OPTION,
            description = "The Spark master (env " + Env.SPARK_MASTER + "). Default: ${DEFAULT-VALUE}.")
    String sparkMaster;

    @Option(names = "--records", paramLabel = "N", defaultValue = "40000",
            description = "Measured events per run. Default: ${DEFAULT-VALUE}.")
    long records;

    @Option(names = "--warmup-records", paramLabel = "N", defaultValue = "10000",
            description = "Events ahead of the measured ones, streamed but not counted (JIT, connections). Default: ${DEFAULT-VALUE}.")
    long warmupRecords;

    @Option(names = StreamerOptions.MAX_OFFSETS_PER_TRIGGER, paramLabel = "N", defaultValue = "5000",
            description = "Records per batch: the topic is full before the job starts, so this makes the batches "
                    + "whose rows/s are counted. Default: ${DEFAULT-VALUE}.")
    long batchRecords;

    @Option(names = "--partitions", paramLabel = "N[,N...]", defaultValue = "1,2,4", split = ",",
            description = "Partition counts: a topic of each, read with 1 and with 2 workers at RF 3; the RF 1 and the "
                    + "one-node runs read the topic of the most. Default: ${DEFAULT-VALUE}.")
    List<Integer> partitions;

    @Option(names = "--executor-memory", paramLabel = "SIZE", defaultValue = "512m",
            description = "Memory of each executor. Default: ${DEFAULT-VALUE}.")
    String executorMemory;

    @Mixin
    SongsOption songs;

    @Mixin
    HomeOption home;

    @Mixin
    ReportFileOption out;

    @Override
    Benchmark<ClusterThroughput.Result> benchmark() {
        Path root = ProjectRoot.get();
        String ring = new CassandraRing(HostPort.first(services.cassandra()), storagePort, cassandraNodes, "1G").contactPoints();
        String brokers = new KafkaRing(HostPort.first(services.bootstrap()), kafkaControllerPort).bootstrap();
        return new ClusterThroughput(new ClusterThroughput.Settings(brokers, kafkaControllerPort, ring, cassandraNodes, storagePort,
                services.datacenter(), root, home.home(), songs.songs(), records, warmupRecords, batchRecords,
                partitions, "spark://" + HostPort.parse(sparkMaster), executorMemory, out().toAbsolutePath().getParent()));
    }
}

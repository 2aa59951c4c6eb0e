package dev.listening.cli;

import dev.listening.contract.Env;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.options.CassandraOptions;
import dev.listening.contract.options.KafkaOptions;
import dev.listening.contract.options.KeyspaceOption;
import dev.listening.contract.options.TopicOption;
import dev.listening.dashboard.Dashboard;
import dev.listening.dashboard.DashboardSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** ./pipeline dashboard: serves the live page until Ctrl-C ({@link Dashboard}). */
@Command(name = "dashboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves a web page of the pipeline live until Ctrl-C: events/s produced and stored, Kafka lag, "
                + "batch duration, freshness, dead letters and join misses over the last minutes, the latest plays, "
                + "the current hour's top songs and listeners, and a listener page that runs the queries of "
                + "./pipeline query. A service that is down shows as down."})
public final class DashboardCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = DashboardSettings.DEFAULT_PORT,
            description = "Port of the page. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--address", paramLabel = "ADDRESS", defaultValue = Env.DEFAULT_HOST,
            description = "Address the page listens on; 0.0.0.0 for every interface. Default: ${DEFAULT-VALUE}.")
    String address;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    TopicOption topic;

    @Mixin
    CassandraOptions cassandra;

    @Mixin
    KeyspaceOption keyspace;

    @Option(names = StreamerOptions.METRICS_FILE, paramLabel = "PATH",
            description = "The streamer's metrics file. Default: the one ./pipeline stream writes for --topic and --keyspace, "
                    + "<checkpoint>-metrics.jsonl beside its checkpoint directory.")
    Path metricsFile;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws InterruptedException {
        Path metrics = metricsFile != null ? metricsFile.toAbsolutePath().normalize() : StreamerOptions.defaultMetricsFile(
                StreamerOptions.defaultCheckpoint(home.home(), topic.topic(), keyspace.keyspace()).toAbsolutePath().normalize());
        DashboardSettings settings = new DashboardSettings(kafka.client(), topic.topic(), cassandra.cassandra(),
                cassandra.datacenter(), keyspace.keyspace(), metrics, address, port);
        try (Dashboard dashboard = Dashboard.start(settings)) {
            System.out.println("dashboard: " + dashboard.address() + " (Ctrl-C stops it)");
            Runtime.getRuntime().addShutdownHook(new Thread(dashboard::close));
            new CountDownLatch(1).await();
        }
        return 0;
    }
}

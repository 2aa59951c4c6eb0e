package dev.listening.cli;

import dev.listening.contract.Env;
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

    @Mixin
    MetricsFileOption metricsFile;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws InterruptedException {
        Path metrics = metricsFile.resolve(home.home(), topic.topic(), keyspace.keyspace());
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

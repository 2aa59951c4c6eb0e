package dev.listening.cli.verify;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.cql.CassandraSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** ./pipeline verify: is every event of the topic in Cassandra exactly once? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Reconciles the topic with Cassandra: every record must be stored exactly once, as a "
                + "listening_history row (by event_id) or as a dead letter (by offset).",
                "Exit 0 only when nothing is missing, doubled or unexpected."})
public final class VerifyCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", defaultValue = Env.KAFKA_OPTION, description = "Kafka bootstrap servers (env ${env:PIPELINE_KAFKA}; default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--topic", defaultValue = Env.TOPIC_OPTION, description = "Topic to verify (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--cassandra", defaultValue = Env.CASSANDRA_OPTION, description = "Cassandra contact points host:port[,host:port] (default: ${DEFAULT-VALUE}).")
    String cassandra;

    @Option(names = "--datacenter", defaultValue = Env.DATACENTER_OPTION, description = "Cassandra local data centre (default: ${DEFAULT-VALUE}).")
    String datacenter;

    @Option(names = "--consistency", paramLabel = "LEVEL", defaultValue = "LOCAL_ONE",
            description = "Read consistency: ${DEFAULT-VALUE} for one node; LOCAL_QUORUM on a cluster written at LOCAL_QUORUM "
                    + "(then a node that missed writes while down cannot hide them).")
    DefaultConsistencyLevel consistency;

    @Option(names = "--keyspace", defaultValue = Env.KEYSPACE_OPTION, description = "Keyspace (default: ${DEFAULT-VALUE}).")
    String keyspace;

    @Option(names = "--from-offsets", converter = OffsetsConverter.class, paramLabel = "P=O[,P=O]",
            description = "Start offsets per partition (default: the beginning). Rows outside the range are then not judged.")
    Map<Integer, Long> from = Map.of();

    @Option(names = "--to-offsets", converter = OffsetsConverter.class, paramLabel = "P=O[,P=O]",
            description = "End offsets per partition, exclusive (default: the end when verify starts).")
    Map<Integer, Long> to = Map.of();

    @Option(names = "--show", defaultValue = "20", description = "How many missing/doubled/unexpected ids to list (default: ${DEFAULT-VALUE}).")
    int show;

    @Override
    public Integer call() {
        Reconciliation.Report report;
        try (CqlSession session = CassandraSessions.open(cassandra, datacenter, Duration.ofSeconds(30), consistency)) {
            report = new Verifier(new TopicReader(bootstrap, Duration.ofSeconds(30)), session, keyspace).verify(topic, from, to);
        }
        print(report, System.out);
        return report.exactlyOnce() ? 0 : 1;
    }

    private void print(Reconciliation.Report report, PrintStream out) {
        out.printf("verify %s -> %s.%s%n", topic, keyspace, Names.HISTORY_TABLE);
        out.printf("  records in topic     %,d%n", report.records());
        out.printf("  stored as rows       %,d (join misses: %,d)%n", report.stored(), report.joinMisses());
        out.printf("  dead letters         %,d%n", report.deadLetters());
        out.printf("  duplicate event ids  %,d (same event at several offsets; stored once)%n", report.duplicateIdsInTopic());
        list(out, "missing", report.missing());
        list(out, "doubled", report.doubled());
        list(out, "unexpected rows", report.unexpected());
        out.println(report.exactlyOnce() ? "verdict: every record stored exactly once" : "verdict: NOT exactly once");
    }

    private void list(PrintStream out, String what, List<String> items) {
        out.printf("  %-20s %,d%n", what, items.size());
        items.stream().limit(show).forEach(item -> out.println("    " + item));
        if (items.size() > show) {
            out.printf("    … and %,d more%n", items.size() - show);
        }
    }
}

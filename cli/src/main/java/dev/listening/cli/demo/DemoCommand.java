package dev.listening.cli.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.cli.stack.StackOptions;
import dev.listening.cli.verify.Reconciliation;
import dev.listening.cli.verify.RecordRef;
import dev.listening.cli.verify.TopicReader;
import dev.listening.cli.verify.Verifier;
import dev.listening.contract.Cli;
import dev.listening.contract.Env;
import dev.listening.contract.UserError;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.QueryCommand;
import dev.listening.cql.Replication;
import dev.listening.producer.ProduceCommand;
import dev.listening.stack.Bootstrap;
import dev.listening.stack.LocalStack;
import dev.listening.stack.ServiceReport;
import dev.listening.stack.StackSettings;
import dev.listening.stack.UpReport;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * ./pipeline demo: the whole product in one go, on the local stack. Every step is a call into the
 * same code the other commands run; nothing here is demo-only logic but the order and the waiting.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts the local stack and the streaming job (trigger 1 s), produces events with a known "
                + "listener among them, waits until every one is in Cassandra, runs the three queries for that "
                + "listener's latest hour into output/, prints a summary, and stops what it started.",
                "Each step prints its time; a failing step is named with its log, and the stack is stopped."})
public final class DemoCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofSeconds(1);

    @Mixin
    StackOptions stack;

    @Option(names = "--events", paramLabel = "N", defaultValue = "500", description = "Events to produce. Default: ${DEFAULT-VALUE}.")
    int events;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "200", description = "Events per second. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--listeners", paramLabel = "N", defaultValue = "20", description = "Fake listeners besides --user. Default: ${DEFAULT-VALUE}.")
    int listeners;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "Ada Lovelace",
            description = "The known listener the queries are run for. Default: ${DEFAULT-VALUE}.")
    String user;

    @Option(names = "--topic", paramLabel = "NAME", defaultValue = Env.TOPIC_OPTION, description = "Topic (env " + Env.TOPIC + "). Default: ${DEFAULT-VALUE}.")
    String topic;

    @Option(names = "--keyspace", paramLabel = "NAME", defaultValue = Env.KEYSPACE_OPTION, description = "Keyspace (env " + Env.KEYSPACE + "). Default: ${DEFAULT-VALUE}.")
    String keyspace;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "How long to wait for every event to be stored. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "${sys:pipeline.root:-.}/output",
            description = "Where the query results go. Default: ${DEFAULT-VALUE}.")
    Path outDir;

    @Option(names = "--keep-running", description = "Leave the stack and the streaming job running afterwards.")
    boolean keepRunning;

    @Override
    public Integer call() throws InterruptedException {
        summary(run());
        return 0;
    }

    /** What a demo did, and when: times since it started. */
    public record Result(UpReport up, Reconciliation.Report stored, Duration queryable, Duration total) {
    }

    /** The whole demo, from starting the stack to stopping what it started. */
    public Result run() throws InterruptedException {
        if (events < 1 || rate < 1 || listeners < 0 || timeoutSeconds < 1) {
            throw new UserError("--events, --rate and --timeout must be positive and --listeners not negative");
        }
        StackSettings settings = stack.settings();
        LocalStack local = new LocalStack(settings);
        Steps steps = new Steps();
        UpReport up = steps.run("starting the local stack (Kafka + Cassandra)", settings.home(),
                () -> local.up(new Bootstrap(topic, 1, keyspace, Replication.simple(1)), LocalStack.READY_TIMEOUT));
        up.services().forEach(s -> LOG.info("{} {} (pid {}, log {})", s.name(),
                s.alreadyRunning() ? "was already running" : "ready in " + s.readyIn().toMillis() / 1000.0 + " s", s.pid(), s.log()));
        boolean stopStack = !keepRunning && up.services().stream().noneMatch(ServiceReport::alreadyRunning);
        Streamed streamed = null;
        try {
            streamed = stream(settings, steps);
            return new Result(up, streamed.stored(), streamed.queryable(), steps.elapsed());
        } finally {
            if (!keepRunning && streamed != null) {
                LOG.info("stopping the streaming job");
                streamed.streamer().close();
            }
            if (stopStack) {
                LOG.info("stopping the local stack");
                local.down(LocalStack.STOP_TIMEOUT);
            } else if (!keepRunning) {
                LOG.info("the stack was already running before the demo; it stays up (./pipeline down stops it)");
            }
        }
    }

    /** The running streaming job, and the events it stored: all of them, {@code queryable} after the demo started. */
    private record Streamed(SparkSubmitProcess streamer, Reconciliation.Report stored, Duration queryable) {
    }

    private Streamed stream(StackSettings settings, Steps steps) throws InterruptedException {
        String bootstrap = settings.kafka().toString();
        String cassandra = settings.cassandra().toString();
        TopicReader reader = new TopicReader(bootstrap, REQUEST_TIMEOUT);
        Map<Integer, Long> before = reader.endOffsets(topic);

        Path streamerLog = settings.home().resolve("streamer").resolve("demo-streamer.log");
        SparkSubmitProcess streamer = steps.run("starting the streaming job (trigger 1 s)", streamerLog, () -> SparkSubmitProcess.start(
                StreamerSubmission.defaults(settings.root(), settings.home(), bootstrap, cassandra, topic, keyspace)
                        .withTrigger("1s")
                        .job(new SparkRuntime(settings.root(), settings.home()), "local[*]"),
                streamerLog));
        try {
            steps.run("producing " + events + " events at " + rate + "/s, " + user + " among " + listeners + " listeners", null, () -> {
                int exit = Cli.execute(new ProduceCommand(), "--bootstrap", bootstrap, "--topic", topic, "--limit", Integer.toString(events),
                        "--rate", Integer.toString(rate), "--listeners", Integer.toString(listeners), "--user", user);
                if (exit != 0) {
                    throw new UserError("the producer exited with " + exit);
                }
                return exit;
            });
            Map<Integer, Long> after = reader.endOffsets(topic);
            try (CqlSession session = CassandraSessions.open(cassandra, settings.datacenter(), REQUEST_TIMEOUT)) {
                Verifier verifier = new Verifier(reader, session, keyspace);
                Reconciliation.Report report = steps.run("waiting until every event is in Cassandra", streamerLog,
                        () -> awaitStored(verifier, before, after, streamer));
                Duration queryable = steps.elapsed();
                LOG.info("all {} events queryable {} after the demo started", report.records(), steps.sinceStart());
                RecordRef.PartitionKey latest = latestHourOf(reader.read(topic, before, after));
                steps.run("running the queries for " + user + " on " + latest.date() + " at " + latest.hour() + "h", null,
                        () -> queries(cassandra, settings.datacenter(), latest));
                return new Streamed(streamer, report, queryable);
            }
        } catch (RuntimeException e) {
            streamer.close();
            throw e;
        }
    }

    private Reconciliation.Report awaitStored(Verifier verifier, Map<Integer, Long> from, Map<Integer, Long> to,
                                              SparkSubmitProcess streamer) {
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        long lastMissing = -1;
        while (true) {
            Reconciliation.Report report = verifier.verify(topic, from, to);
            if (report.missing().isEmpty()) {
                if (!report.exactlyOnce()) {
                    throw new UserError("events stored more than once: " + report.doubled());
                }
                return report;
            }
            if (!streamer.isAlive()) {
                throw new UserError("the streaming job exited with " + streamer.exitValue());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new UserError(report.missing().size() + " of " + report.records() + " events not stored after " + timeoutSeconds + " s");
            }
            if (report.missing().size() != lastMissing) {
                LOG.info("stored {} of {}", report.records() - report.missing().size(), report.records());
                lastMissing = report.missing().size();
            }
            pause();
        }
    }

    private RecordRef.PartitionKey latestHourOf(List<RecordRef> records) {
        return records.stream().filter(r -> r.row() != null && r.row().name().equals(user))
                .map(r -> r.row().partitionKey())
                .max(Comparator.comparing(RecordRef.PartitionKey::date).thenComparing(RecordRef.PartitionKey::hour))
                .orElseThrow(() -> new UserError("no event of " + user + " was produced; give more --events"));
    }

    private int queries(String cassandra, String datacenter, RecordRef.PartitionKey latest) {
        List<String> common = List.of("--cassandra", cassandra, "--datacenter", datacenter, "--keyspace", keyspace,
                "--out-dir", outDir.toString());
        List<String> forUser = List.of("--user", user, "--date", latest.date().toString(), "--hour", Integer.toString(latest.hour()));
        for (List<String> args : List.of(List.of("sample"), concat(List.of("songs"), forUser), concat(List.of("averages"), forUser))) {
            int exit = Cli.execute(new QueryCommand(), concat(args, common).toArray(String[]::new));
            if (exit != 0) {
                throw new UserError("query " + args.get(0) + " exited with " + exit);
            }
        }
        return 0;
    }

    private void summary(Result result) {
        Reconciliation.Report report = result.stored();
        System.out.println();
        System.out.println("demo summary");
        System.out.printf("  events produced   %,d%n", report.records());
        System.out.printf("  rows stored       %,d%n", report.stored());
        System.out.printf("  join misses       %,d%n", report.joinMisses());
        System.out.printf("  dead letters      %,d%n", report.deadLetters());
        System.out.printf("  verdict           %s%n", report.exactlyOnce() ? "every event stored exactly once" : "NOT exactly once");
        System.out.printf("  outputs           %s%n", outDir.resolve("output_{full,simple,agg}.txt"));
        System.out.printf("  total time        %s%n", Steps.seconds(result.total()));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted");
        }
    }
}

package dev.listening.verify.demo;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.Env;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import dev.listening.contract.kafka.KafkaClient;
import dev.listening.contract.options.SongsOption;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.Replication;
import dev.listening.cql.output.OutputFormat;
import dev.listening.cql.query.NamedQuery;
import dev.listening.cql.query.QueryOutput;
import dev.listening.cql.query.QueryParameters;
import dev.listening.cql.query.QueryRequest;
import dev.listening.dashboard.Dashboard;
import dev.listening.dashboard.DashboardSettings;
import dev.listening.producer.ProduceSettings;
import dev.listening.producer.Producer;
import dev.listening.producer.rate.Rate;
import dev.listening.stack.Bootstrap;
import dev.listening.stack.LocalStack;
import dev.listening.stack.ServiceReport;
import dev.listening.stack.StackSettings;
import dev.listening.stack.UpReport;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.RecordRef;
import dev.listening.verify.SongFeatures;
import dev.listening.verify.TopicReader;
import dev.listening.verify.Verifier;
import dev.listening.verify.VerifyText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * ./pipeline demo: the whole product in one go, on the local stack. Every step is a call into the
 * same code the other commands run; nothing here is demo-only logic but the order and the waiting.
 */
public final class Demo {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final DemoSettings settings;
    private final String topic;
    private final String keyspace;
    private final String user;

    public Demo(DemoSettings settings) {
        this.settings = settings;
        this.topic = settings.topic();
        this.keyspace = settings.keyspace();
        this.user = settings.user();
    }

    /** What a demo did, and when: times since it started. */
    public record Result(UpReport up, Reconciliation.Report stored, Duration queryable, Duration total) {
    }

    /** The whole demo, from starting the stack to stopping what it started. */
    public Result run() throws InterruptedException {
        StackSettings stack = settings.stack();
        LocalStack local = new LocalStack(stack);
        Steps steps = new Steps();
        boolean keepRunning = settings.keepRunning();
        String bootstrap = stack.kafka().toString();
        Path streamerLog = stack.home().resolve("streamer").resolve("demo-streamer.log");
        StreamerSubmission submission = StreamerSubmission.defaults(stack.root(), stack.home(), bootstrap, stack.cassandra().toString(),
                topic, keyspace).withTrigger("1s");
        // Started first: the job's own start-up (the JVM, Spark, the songs) runs while Kafka and Cassandra start, and it
        // waits for the topic before its queries subscribe.
        SparkSubmitProcess streamer = steps.run("starting the streaming job (trigger 1 s) beside the stack", streamerLog,
                () -> SparkSubmitProcess.start(submission.job(new SparkRuntime(stack.root(), stack.home()), "local[*]"), streamerLog));
        UpReport up = null;
        boolean done = false;
        try {
            up = steps.run("starting the local stack (Kafka + Cassandra)", stack.home(),
                    () -> local.up(new Bootstrap(topic, 1, keyspace, Replication.simple(1)), LocalStack.READY_TIMEOUT));
            up.services().forEach(s -> LOG.info("{} {} (pid {}, log {})", s.name(),
                    s.alreadyRunning() ? "was already running" : "ready in " + s.readyIn().toMillis() / 1000.0 + " s", s.pid(), s.log()));
            Streamed streamed = stream(stack, steps, submission, streamer, streamerLog);
            done = true;
            return new Result(up, streamed.stored(), streamed.queryable(), steps.elapsed());
        } finally {
            // A failed demo leaves no job behind, even with --keep-running.
            if (!keepRunning || !done) {
                LOG.info("stopping the streaming job");
                streamer.close();
            }
            if (up != null && !keepRunning) {
                if (up.services().stream().noneMatch(ServiceReport::alreadyRunning)) {
                    LOG.info("stopping the local stack");
                    local.down(LocalStack.STOP_TIMEOUT);
                } else {
                    LOG.info("the stack was already running before the demo; it stays up (./pipeline down stops it)");
                }
            }
        }
    }

    /** The events the streaming job stored: all of them, {@code queryable} after the demo started. */
    private record Streamed(Reconciliation.Report stored, Duration queryable) {
    }

    private Streamed stream(StackSettings stack, Steps steps, StreamerSubmission submission, SparkSubmitProcess streamer,
                            Path streamerLog) throws InterruptedException {
        String bootstrap = stack.kafka().toString();
        String cassandra = stack.cassandra().toString();
        int events = settings.events();
        int rate = settings.rate();
        int listeners = settings.listeners();
        TopicReader reader = new TopicReader(bootstrap, REQUEST_TIMEOUT);
        Map<Integer, Long> before = reader.endOffsets(topic);
        try (Dashboard dashboard = dashboard(stack, submission)) {
            steps.run("producing " + events + " events at " + rate + "/s, " + user + " among " + listeners + " listeners", null, () -> {
                new Producer(ProduceSettings.uniform(KafkaClient.of(bootstrap), topic, stack.root().resolve(SongsOption.DEFAULT_SONGS),
                        new Rate(rate), (long) events, null, listeners, List.of(user)), Clock.systemUTC()).run(stdout());
                return events;
            });
            Map<Integer, Long> after = reader.endOffsets(topic);
            try (CqlSession session = CassandraSessions.open(cassandra, stack.datacenter(), REQUEST_TIMEOUT)) {
                Verifier verifier = new Verifier(reader, session, keyspace,
                        SongFeatures.load(stack.root().resolve(StreamerOptions.DEFAULT_SONGS)));
                Reconciliation.Report report = steps.run("waiting until every event is in Cassandra", streamerLog,
                        () -> awaitStored(verifier, before, after, streamer));
                Duration queryable = steps.elapsed();
                LOG.info("all {} events queryable {} after the demo started", report.records(), steps.sinceStart());
                RecordRef.PartitionKey latest = latestHourOf(reader.read(topic, before, after));
                steps.run("running the queries for " + user + " on " + latest.date() + " at " + latest.hour() + "h", null,
                        () -> queries(session, latest));
                return new Streamed(report, queryable);
            }
        }
    }

    /** ./pipeline dashboard on the demo's topic, keyspace and metrics file, when asked for; null otherwise. */
    private Dashboard dashboard(StackSettings stack, StreamerSubmission submission) {
        if (settings.dashboardPort() == null) {
            return null;
        }
        Dashboard dashboard = Dashboard.start(new DashboardSettings(KafkaClient.of(stack.kafka().toString()), topic,
                stack.cassandra().toString(), stack.datacenter(), keyspace, submission.metricsFile(), Env.DEFAULT_HOST,
                settings.dashboardPort()));
        stdout().println("dashboard: " + dashboard.address() + " (up while the demo runs)");
        return dashboard;
    }

    private Reconciliation.Report awaitStored(Verifier verifier, Map<Integer, Long> from, Map<Integer, Long> to,
                                              SparkSubmitProcess streamer) {
        int timeoutSeconds = settings.timeoutSeconds();
        Instant deadline = Instant.now().plusSeconds(timeoutSeconds);
        long lastMissing = -1;
        while (true) {
            Reconciliation.Report report = verifier.verify(topic, from, to);
            if (report.missing().isEmpty()) {
                if (!report.passed()) {
                    throw new UserError("events not stored exactly once as sent: " + VerifyText.problems(report));
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

    /** The three queries of the demo into output/, on the demo's session. */
    private List<Path> queries(CqlSession session, RecordRef.PartitionKey latest) {
        QueryOutput output = new QueryOutput(session, keyspace, OutputFormat.TEXT, settings.outDir(), stdout());
        QueryParameters forUser = QueryParameters.parse(user, latest.date().toString(), Integer.toString(latest.hour()));
        return List.of(output.write(QueryRequest.named(NamedQuery.SAMPLE, QueryParameters.NONE)),
                output.write(QueryRequest.named(NamedQuery.SONGS, forUser)),
                output.write(QueryRequest.named(NamedQuery.AVERAGES, forUser)));
    }

    private static PrintWriter stdout() {
        return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    }

    /** The summary printed at the end of the demo. */
    public List<String> summary(Result result) {
        Reconciliation.Report report = result.stored();
        return List.of(
                "demo summary",
                String.format("  events produced   %,d", report.records()),
                String.format("  rows stored       %,d", report.stored()),
                String.format("  join misses       %,d", report.joinMisses()),
                String.format("  dead letters      %,d", report.deadLetters()),
                String.format("  verdict           %s", report.passed() ? "every event stored exactly once, as sent" : "NOT exactly once as sent"),
                String.format("  outputs           %s", settings.outDir().resolve("output_{full,simple,agg}.txt")),
                String.format("  total time        %s", Steps.seconds(result.total())));
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

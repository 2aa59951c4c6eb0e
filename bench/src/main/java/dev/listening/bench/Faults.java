package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import dev.listening.contract.UserError;
import dev.listening.cql.CassandraSessions;
import dev.listening.producer.run.Report;
import dev.listening.stack.Bootstrap;
import dev.listening.stack.LocalStack;
import dev.listening.stack.spark.JobExit;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import dev.listening.verify.Quality;
import dev.listening.verify.Reconciliation;
import dev.listening.verify.Scope;
import dev.listening.verify.SongFeatures;
import dev.listening.verify.TopicReader;
import dev.listening.verify.Verifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * ./pipeline bench faults: the pipeline under load while its parts are killed with SIGKILL at random
 * moments and restarted on their data, then judged by verify. On a stack of its own (free ports, a
 * scratch PIPELINE_HOME, deleted afterwards), so the stack of ./pipeline up is never touched: the
 * one-node stack, or a cluster whose ring nodes and Spark worker are killed too ({@link FaultsStack}).
 *
 * <p>The producer runs as a process of its own all along; the faults follow a seeded {@link FaultPlan},
 * one after another without waiting for the pipeline to recover, so a fault may land in the recovery
 * from the one before. The streaming job is restarted on its checkpoint as soon as it is killed; a
 * service of the stack is restarted at once and waited for. A fault's recovery is the time from
 * its kill until the checkpoint commits a micro-batch again ({@link Recoveries}). At the end the producer
 * stops (SIGTERM: what it sent is flushed), the stream catches up, and verify checks every record.
 */
public final class Faults implements Benchmark<FaultsReport> {
    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int LISTENERS = 50;
    private static final String PRODUCER_LOG = "faults-producer.log";
    /** --quick: faults of each kind; a cluster's node takes about a minute to restart on a busy machine. */
    private static final int QUICK_PER_KIND = 6;
    private static final int QUICK_PER_KIND_CLUSTER = 2;

    /**
     * @param events    records produced at least: the producer runs on after the last fault until there are this many
     * @param rate      events per second from the producer
     * @param recovery  how long the pipeline may take to commit a batch again after a fault, and to catch up at the end
     * @param cluster   on a cluster of its own (the job on its master, {@code master} unused) instead of the one-node stack
     */
    public record Settings(Path root, Path home, Path songs, String master, Path logs, int events, int faults, long seed, int rate,
                           Duration minGap, Duration maxGap, Duration recovery, boolean cluster) {
        public Settings {
            if (events < 1 || faults < 0 || rate < 1) {
                throw new UserError("--events and --rate must be at least 1 and --faults at least 0");
            }
        }
    }

    private final Settings settings;

    public Faults(Settings settings) {
        this.settings = settings;
    }

    /** --quick's count: six faults of each kind on the one-node stack, two on a cluster. */
    public static int quickFaults(boolean cluster) {
        return (cluster ? QUICK_PER_KIND_CLUSTER : QUICK_PER_KIND) * FaultsStack.targets(cluster).kinds().size();
    }

    @Override
    public FaultsReport measure() throws InterruptedException {
        Path scratch = settings.home().resolve("bench").resolve("faults-" + Long.toString(System.currentTimeMillis(), 36));
        FaultsStack on = settings.cluster() ? FaultsStack.cluster(settings.root(), scratch)
                : FaultsStack.oneNode(settings.root(), scratch, settings.master());
        FaultPlan plan = FaultPlan.draw(on.targets(), settings.faults(), settings.minGap(), settings.maxGap(), settings.seed());
        try (LocalStack stack = on.stack()) {
            stack.up(on.bootstrap(), STARTUP_TIMEOUT);
            return new Run(on, plan).run();
        } finally {
            LocalStack.purge(settings.root(), scratch);
        }
    }

    @Override
    public List<String> report(FaultsReport report) {
        return report.lines();
    }

    /** One run on a started stack: the job and the producer under the plan's faults. */
    private final class Run {
        private final FaultsStack on;
        private final FaultPlan plan;
        private final StreamerSubmission submission;
        private final SparkRuntime runtime;
        private final Path checkpoint;
        private SparkSubmitProcess streamer;
        private int incarnation;

        Run(FaultsStack on, FaultPlan plan) {
            this.on = on;
            this.plan = plan;
            Path home = on.stack().settings().home();
            this.checkpoint = home.resolve("bench").resolve("faults-checkpoint");
            this.submission = on.submission(settings.root(), settings.songs(), checkpoint);
            this.runtime = new SparkRuntime(settings.root(), home);
        }

        FaultsReport run() throws InterruptedException {
            Instant started = Instant.now();
            List<FaultsReport.Recovery> recoveries = new ArrayList<>();
            String problem = null;
            Report produced;
            startStreamer();
            try {
                // Events only once the query runs: on a busy machine a cluster's job takes minutes to start, and
                // what arrived meanwhile would all be its first batch.
                awaitWhileStreaming("start of the streaming query", STARTUP_TIMEOUT,
                        () -> StreamerMetrics.read(submission.metricsFile()).started());
            } catch (UserError e) {
                streamer.close();
                throw e;
            }
            try (ProducerProcess producer = ProducerProcess.start(settings.root(), on.kafka(), on.bootstrap().topic(), settings.rate(),
                    LISTENERS, settings.songs(), settings.logs().resolve(PRODUCER_LOG))) {
                try (Recoveries watch = new Recoveries(checkpoint, POLL)) {
                    awaitWhileStreaming("commit of the first batch", STARTUP_TIMEOUT,
                            () -> Checkpoints.lastCommitted(checkpoint).isPresent());
                    int number = 0;
                    for (FaultPlan.Step step : plan.steps()) {
                        Thread.sleep(step.pause().toMillis());
                        inject(step, ++number, watch);
                    }
                    awaitWhileStreaming("batch committed after the last fault", settings.recovery(),
                            () -> watch.pending() == 0);
                    recoveries.addAll(watch.recovered());
                    awaitRecords(settings.events(), producer);
                } catch (UserError e) {
                    problem = e.getMessage();
                }
                produced = producer.stop();
            }
            try {
                return judge(started, recoveries, produced, problem);
            } finally {
                streamer.close();
            }
        }

        /** The kill and the restart; the recovery is watched for while the next faults come. */
        private void inject(FaultPlan.Step step, int number, Recoveries watch) throws InterruptedException {
            LOG.info("fault {} of {}: SIGKILL of the {}{}", number, plan.steps().size(), step.fault().what(),
                    step.service().map(name -> " (" + name + ")").orElse(""));
            Instant kill = Instant.now();
            if (step.service().isPresent()) {
                LocalStack.kill(on.stack().settings().home(), step.service().get());
            } else {
                killStreamer();
            }
            watch.killed(step.fault(), kill);
            if (step.service().isPresent()) {
                on.stack().up(on.bootstrap(), STARTUP_TIMEOUT);
            } else {
                startStreamer();
            }
        }

        private void startStreamer() {
            incarnation++;
            streamer = SparkSubmitProcess.start(on.job(submission, runtime), streamerLog());
        }

        private void killStreamer() throws InterruptedException {
            ProcessHandle.of(streamer.pid()).ifPresent(ProcessHandle::destroyForcibly);
            if (!streamer.waitFor(REQUEST_TIMEOUT)) {
                throw new UserError("the streaming job (pid " + streamer.pid() + ") outlived SIGKILL");
            }
        }

        /** Until {@code done}, with the job alive all along; a UserError naming {@code what} past the timeout. */
        private void awaitWhileStreaming(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
            Instant giveUp = Instant.now().plus(timeout);
            while (!done.getAsBoolean()) {
                requireStreamerAlive(what);
                if (Instant.now().isAfter(giveUp)) {
                    throw new UserError("no " + what + " within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(POLL.toMillis());
            }
        }

        /** Until the topic holds {@code records} events: a producer that died, or one that far behind its rate, is a problem. */
        private void awaitRecords(long records, ProducerProcess producer) throws InterruptedException {
            TopicReader reader = new TopicReader(on.kafka(), REQUEST_TIMEOUT);
            Duration timeout = Duration.ofSeconds(records / settings.rate()).plus(settings.recovery());
            Instant giveUp = Instant.now().plus(timeout);
            while (produced(reader) < records) {
                if (!producer.isAlive()) {
                    throw new UserError("the producer exited before the topic held " + records + " events; see "
                            + settings.logs().resolve(PRODUCER_LOG));
                }
                if (Instant.now().isAfter(giveUp)) {
                    throw new UserError("the topic did not hold " + records + " events within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(POLL.toMillis());
            }
        }

        private long produced(TopicReader reader) {
            return reader.endOffsets(on.bootstrap().topic()).values().stream().mapToLong(Long::longValue).sum();
        }

        private Path streamerLog() {
            return settings.logs().resolve("faults-streamer-" + incarnation + ".log");
        }

        /** The problem a job that exited by itself is, its log's end and any crash report logged for CI. */
        private String exitedOnItsOwn() {
            LOG.warn(JobExit.describe(streamer, streamerLog()));
            return "the streaming job exited on its own with code " + streamer.exitValue();
        }

        private void requireStreamerAlive(String what) {
            if (!streamer.isAlive()) {
                throw new UserError(exitedOnItsOwn() + " while waiting for " + what + "; see " + streamerLog());
            }
        }

        /**
         * Until verify finds every record stored and the rollups equal to the history (the rollups are
         * written behind the history), then the verdict. Each look reads the topic once: verify's quality
         * check gives the reconciliation it made on the way.
         */
        private FaultsReport judge(Instant started, List<FaultsReport.Recovery> recoveries, Report produced, String problem)
                throws InterruptedException {
            TopicReader reader = new TopicReader(on.kafka(), REQUEST_TIMEOUT);
            Instant giveUp = Instant.now().plus(settings.recovery());
            Bootstrap bootstrap = on.bootstrap();
            try (CqlSession session = CassandraSessions.open(on.cassandra(), on.stack().settings().datacenter(), REQUEST_TIMEOUT,
                    on.consistency())) {
                Verifier verifier = new Verifier(reader, session, bootstrap.keyspace(), SongFeatures.load(settings.songs()));
                Verifier.QualityReport checked = check(verifier);
                while (!caughtUp(checked) && problem == null && streamer.isAlive() && Instant.now().isBefore(giveUp)) {
                    Thread.sleep(Duration.ofSeconds(1).toMillis());
                    checked = check(verifier);
                }
                if (problem == null && !streamer.isAlive()) {
                    problem = exitedOnItsOwn();
                }
                Map<String, String> replication = session.getMetadata().getKeyspace(bootstrap.keyspace())
                        .map(KeyspaceMetadata::getReplication).orElse(Map.of());
                return new FaultsReport(settings, started, on.describe(), on.targets(),
                        new FaultsReport.Storage(replication, on.consistency()), recoveries, produced, checked.reconciliation(),
                        checked.rollupMismatches().size(), problem);
            }
        }

        private Verifier.QualityReport check(Verifier verifier) {
            return verifier.verifyQuality(on.bootstrap().topic(), Map.of(), Map.of(), Scope.FULL, LENIENT, Integer.MAX_VALUE);
        }

        private boolean caughtUp(Verifier.QualityReport checked) {
            return checked.reconciliation().missing().isEmpty() && checked.rollupMismatches().isEmpty();
        }
    }

    /** verify --quality's checks that bench faults judges itself; only the rollup comparison is used. */
    private static final Quality.Thresholds LENIENT = new Quality.Thresholds(1, 1, Instant.MIN, Instant.MAX, 1,
            Long.MAX_VALUE, Long.MAX_VALUE);
}

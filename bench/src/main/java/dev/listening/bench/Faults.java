package dev.listening.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.contract.UserError;
import dev.listening.cql.CassandraSessions;
import dev.listening.cql.Replication;
import dev.listening.producer.run.Report;
import dev.listening.stack.Bootstrap;
import dev.listening.stack.LocalStack;
import dev.listening.stack.StackSettings;
import dev.listening.stack.cassandra.CassandraService;
import dev.listening.stack.kafka.KafkaService;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.net.Ports;
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
 * scratch PIPELINE_HOME, deleted afterwards), so the stack of ./pipeline up is never touched.
 *
 * <p>The producer runs as a process of its own all along; the faults follow a seeded {@link FaultPlan},
 * one after another without waiting for the pipeline to recover, so a fault may land in the recovery
 * from the one before. The streaming job is restarted on its checkpoint as soon as it is killed;
 * Cassandra and the broker are restarted at once and waited for. A fault's recovery is the time from
 * its kill until the checkpoint commits a micro-batch again ({@link Recoveries}). At the end the producer
 * stops (SIGTERM: what it sent is flushed), the stream catches up, and verify checks every record.
 */
public final class Faults implements Benchmark<FaultsReport> {
    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int PARTITIONS = 2;
    private static final int LISTENERS = 50;

    /**
     * @param events    records produced at least: the producer runs on after the last fault until there are this many
     * @param rate      events per second from the producer
     * @param recovery  how long the pipeline may take to commit a batch again after a fault, and to catch up at the end
     */
    public record Settings(Path root, Path home, Path songs, String master, Path logs, int events, int faults, long seed, int rate,
                           Duration minGap, Duration maxGap, Duration recovery) {
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

    @Override
    public FaultsReport measure() throws InterruptedException {
        FaultPlan plan = FaultPlan.draw(List.of(Fault.values()), settings.faults(), settings.minGap(), settings.maxGap(),
                settings.seed());
        Path scratch = settings.home().resolve("bench").resolve("faults-" + Long.toString(System.currentTimeMillis(), 36));
        List<Integer> ports = Ports.free(4);
        StackSettings stackSettings = new StackSettings(settings.root(), scratch, new HostPort(Env.DEFAULT_HOST, ports.get(0)),
                ports.get(1), new HostPort(Env.DEFAULT_HOST, ports.get(2)), ports.get(3), Env.DEFAULT_DATACENTER);
        Bootstrap bootstrap = new Bootstrap(Names.TOPIC, PARTITIONS, Names.KEYSPACE, Replication.simple(1));
        try (LocalStack stack = new LocalStack(stackSettings)) {
            stack.up(bootstrap, STARTUP_TIMEOUT);
            return new Run(stack, bootstrap, plan).run();
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
        private final LocalStack stack;
        private final Bootstrap bootstrap;
        private final FaultPlan plan;
        private final String kafka;
        private final String cassandra;
        private final StreamerSubmission submission;
        private final SparkRuntime runtime;
        private final Path checkpoint;
        private SparkSubmitProcess streamer;
        private int incarnation;

        Run(LocalStack stack, Bootstrap bootstrap, FaultPlan plan) {
            this.stack = stack;
            this.bootstrap = bootstrap;
            this.plan = plan;
            this.kafka = stack.settings().kafka().toString();
            this.cassandra = stack.settings().cassandra().toString();
            Path home = stack.settings().home();
            this.checkpoint = home.resolve("bench").resolve("faults-checkpoint");
            this.submission = StreamerSubmission.defaults(settings.root(), home, kafka, cassandra, bootstrap.topic(),
                            bootstrap.keyspace())
                    .withSongs(settings.songs())
                    .withTrigger("1s")
                    .withCheckpoint(checkpoint);
            this.runtime = new SparkRuntime(settings.root(), home);
        }

        FaultsReport run() throws InterruptedException {
            Instant started = Instant.now();
            List<FaultsReport.Recovery> recoveries = new ArrayList<>();
            String problem = null;
            Report produced;
            startStreamer();
            try (ProducerProcess producer = ProducerProcess.start(settings.root(), kafka, bootstrap.topic(), settings.rate(),
                    LISTENERS, settings.songs(), settings.logs().resolve("faults-producer.log"))) {
                try (Recoveries watch = new Recoveries(checkpoint, POLL)) {
                    awaitWhileStreaming("commit of the first batch", STARTUP_TIMEOUT,
                            () -> Checkpoints.lastCommitted(checkpoint).isPresent());
                    int number = 0;
                    for (FaultPlan.Step step : plan.steps()) {
                        Thread.sleep(step.pause().toMillis());
                        inject(step.fault(), ++number, watch);
                    }
                    awaitWhileStreaming("batch committed after the last fault", settings.recovery(),
                            () -> watch.pending() == 0);
                    recoveries.addAll(watch.recovered());
                    awaitRecords(settings.events());
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
        private void inject(Fault fault, int number, Recoveries watch) throws InterruptedException {
            LOG.info("fault {} of {}: SIGKILL of the {}", number, plan.steps().size(), fault.what());
            Instant kill = Instant.now();
            switch (fault) {
                case STREAMER -> killStreamer();
                case CASSANDRA -> LocalStack.kill(stack.settings().home(), CassandraService.NAME);
                case KAFKA -> LocalStack.kill(stack.settings().home(), KafkaService.NAME);
            }
            watch.killed(fault, kill);
            if (fault == Fault.STREAMER) {
                startStreamer();
            } else {
                stack.up(bootstrap, STARTUP_TIMEOUT);
            }
        }

        private void startStreamer() {
            incarnation++;
            streamer = SparkSubmitProcess.start(submission.job(runtime, settings.master()),
                    settings.logs().resolve("faults-streamer-" + incarnation + ".log"));
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

        private void awaitRecords(long records) throws InterruptedException {
            TopicReader reader = new TopicReader(kafka, REQUEST_TIMEOUT);
            while (produced(reader) < records) {
                Thread.sleep(POLL.toMillis());
            }
        }

        private long produced(TopicReader reader) {
            return reader.endOffsets(bootstrap.topic()).values().stream().mapToLong(Long::longValue).sum();
        }

        private void requireStreamerAlive(String what) {
            if (!streamer.isAlive()) {
                throw new UserError("the streaming job exited on its own with code " + streamer.exitValue() + " while waiting for "
                        + what + "; see " + settings.logs().resolve("faults-streamer-" + incarnation + ".log"));
            }
        }

        /** Until verify finds nothing missing, then until the rollups agree with the history; then the verdict. */
        private FaultsReport judge(Instant started, List<FaultsReport.Recovery> recoveries, Report produced, String problem)
                throws InterruptedException {
            TopicReader reader = new TopicReader(kafka, REQUEST_TIMEOUT);
            Instant giveUp = Instant.now().plus(settings.recovery());
            try (CqlSession session = CassandraSessions.open(cassandra, stack.settings().datacenter(), REQUEST_TIMEOUT)) {
                Verifier verifier = new Verifier(reader, session, bootstrap.keyspace(), SongFeatures.load(settings.songs()));
                Reconciliation.Report stored = verifier.verify(bootstrap.topic(), Map.of(), Map.of(), Scope.FULL);
                while (!stored.missing().isEmpty() && problem == null && streamer.isAlive() && Instant.now().isBefore(giveUp)) {
                    Thread.sleep(Duration.ofSeconds(1).toMillis());
                    stored = verifier.verify(bootstrap.topic(), Map.of(), Map.of(), Scope.FULL);
                }
                Verifier.QualityReport quality = verifier.verifyQuality(bootstrap.topic(), Map.of(), Map.of(), Scope.FULL, LENIENT, Integer.MAX_VALUE);
                while (!quality.rollupMismatches().isEmpty() && streamer.isAlive() && Instant.now().isBefore(giveUp)) {
                    Thread.sleep(Duration.ofSeconds(1).toMillis());
                    quality = verifier.verifyQuality(bootstrap.topic(), Map.of(), Map.of(), Scope.FULL, LENIENT, Integer.MAX_VALUE);
                }
                if (problem == null && !streamer.isAlive()) {
                    problem = "the streaming job exited on its own with code " + streamer.exitValue();
                }
                return new FaultsReport(settings, started, recoveries, produced, quality.reconciliation(),
                        quality.rollupMismatches().size(), problem);
            }
        }
    }

    /** verify --quality's checks that bench faults judges itself; only the rollup comparison is used. */
    private static final Quality.Thresholds LENIENT = new Quality.Thresholds(1, 1, Instant.MIN, Instant.MAX, 1,
            Long.MAX_VALUE, Long.MAX_VALUE);
}

package dev.listening.bench;

import dev.listening.contract.UserError;
import dev.listening.producer.run.Progress;
import dev.listening.stack.spark.SparkJob;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** The streamer job in the background for a benchmark, watched through its metrics file. */
final class StreamerRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamerRun.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final SparkSubmitProcess process;
    private final Path log;
    private final Path metrics;

    private StreamerRun(SparkSubmitProcess process, Path log, Path metrics) {
        this.process = process;
        this.log = log;
        this.metrics = metrics;
    }

    /** Starts the job with a fresh {@code log} and metrics file: the batches counted are this run's only. */
    static StreamerRun start(SparkRuntime runtime, StreamerSubmission submission, String master, Path log) {
        return start(submission.job(runtime, master), log, submission.metricsFile());
    }

    static StreamerRun start(SparkJob job, Path log, Path metrics) {
        try {
            Files.deleteIfExists(log);
            Files.deleteIfExists(metrics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("starting the streamer on {} (log {}, metrics {})", job.master(), log, metrics);
        return new StreamerRun(SparkSubmitProcess.start(job, log), log, metrics);
    }

    /** The driver's pid (client mode: the SparkSubmit JVM). */
    long pid() {
        return process.pid();
    }

    StreamerMetrics batches() {
        return StreamerMetrics.read(metrics);
    }

    /** Until the query runs: Spark is up and the songs are loaded. */
    void awaitStarted(Duration timeout) throws InterruptedException {
        await("the streaming query to start", timeout, StreamerMetrics::started);
    }

    /** Until the batches so far have read at least {@code rows} records, showing the {@link Progress}. */
    void awaitRows(long rows, Duration timeout) throws InterruptedException {
        try (Progress progress = Progress.start("streaming", rows, "records")) {
            await(rows + " records streamed", timeout, batches -> {
                progress.stepTo(Math.min(rows, batches.rows()));
                return batches.rows() >= rows;
            });
        }
    }

    /** Until this many records are streamed and rolled up. */
    void awaitRolledUp(long rows, Duration timeout) throws InterruptedException {
        await(rows + " records streamed and rolled up", timeout, batches -> batches.rolledUp(rows));
    }

    /** Until the records show no rollup batch for {@code quiet} of their time, after at least one did run. */
    void awaitRollupsIdle(Duration quiet, Duration timeout) throws InterruptedException {
        await("the rollups idle for " + quiet.toSeconds() + " s", timeout, batches -> batches.rollupsIdleFor(quiet));
    }

    private void await(String what, Duration timeout, Predicate<StreamerMetrics> done) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        while (!done.test(batches())) {
            if (!process.isAlive()) {
                throw new UserError("the streamer exited with code " + process.exitValue() + " before " + what + "; see " + log);
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new UserError("no " + what + " within " + timeout.toSeconds() + " s; see " + log + " and " + metrics);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}

package dev.listening.bench;

import dev.listening.contract.UserError;
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

/** The streamer job in the background for a benchmark, watched through its log. */
final class StreamerRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamerRun.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final SparkSubmitProcess process;
    private final Path log;

    private StreamerRun(SparkSubmitProcess process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the job with a fresh {@code log}: the batches counted are this run's only. */
    static StreamerRun start(SparkRuntime runtime, StreamerSubmission submission, String master, Path log) {
        return start(submission.job(runtime, master), log);
    }

    static StreamerRun start(SparkJob job, Path log) {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("starting the streamer on {} (log {})", job.master(), log);
        return new StreamerRun(SparkSubmitProcess.start(job, log), log);
    }

    BatchLog batches() {
        return BatchLog.read(log);
    }

    /** Until the query runs: Spark is up and the songs are loaded. */
    void awaitStarted(Duration timeout) throws InterruptedException {
        awaitLog("the streaming query to start", timeout, BatchLog::started);
    }

    /** Until the batches logged so far have read at least {@code rows} records. */
    void awaitRows(long rows, Duration timeout) throws InterruptedException {
        awaitLog(rows + " records streamed", timeout, batches -> batches.rows() >= rows);
    }

    /** Until this many records are streamed and rolled up. */
    void awaitRolledUp(long rows, Duration timeout) throws InterruptedException {
        awaitLog(rows + " records streamed and rolled up", timeout, batches -> batches.rolledUp(rows));
    }

    private void awaitLog(String what, Duration timeout, java.util.function.Predicate<BatchLog> done) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        while (!done.test(batches())) {
            if (!process.isAlive()) {
                throw new UserError("the streamer exited with code " + process.exitValue() + " before " + what + "; see " + log);
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new UserError("no " + what + " within " + timeout.toSeconds() + " s; see " + log);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}

package dev.listening.cli;

import dev.listening.stack.spark.SparkJob;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;

import java.util.List;

/** A batch job of the streamer's job jar, run in the foreground the way ./pipeline stream runs the streaming job. */
final class BatchSubmission {
    private BatchSubmission() {
    }

    /** Runs {@code mainClass} with {@code args} on the master; the job's exit code. */
    static int run(HomeOption home, MasterOption master, ExecutorOptions executors, String mainClass, List<String> args)
            throws InterruptedException {
        SparkRuntime runtime = new SparkRuntime(home.root(), home.home());
        SparkJob job = runtime.job(master.master(), executors.resources(), executors.conf(), runtime.streamerJar(),
                mainClass, args);
        try (SparkSubmitProcess process = SparkSubmitProcess.startAttached(job)) {
            return process.waitFor();
        }
    }
}

package dev.listening.cli;

import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.contract.StreamerOptions;
import dev.listening.stack.spark.MasterUi;
import dev.listening.stack.spark.SparkJob;
import dev.listening.stack.spark.SparkRuntime;
import dev.listening.stack.spark.SparkSubmitProcess;
import dev.listening.stack.spark.StreamerSubmission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** ./pipeline stream: the streamer job in the foreground, started the way spark-submit starts it. */
@Command(name = "stream", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Streams listening events from Kafka into Cassandra " + Names.HISTORY_TABLE + " (malformed records into "
                        + Names.DEAD_LETTER_TABLE + ") until Ctrl-C, which stops the query cleanly.",
                "Runs streamer/target/streamer-*-job.jar with Spark's SparkSubmit on --master, as spark-submit would; "
                        + "one line per micro-batch. Restarted with the same checkpoint, it resumes where it stopped."})
public final class StreamCommand implements Callable<Integer> {
    @Mixin
    MasterOption master;

    @Mixin
    ExecutorOptions executors;

    @Option(names = "--master-ui-port", paramLabel = "PORT", defaultValue = Env.SPARK_UI_PORT_OPTION,
            description = "spark:// masters: the master's web UI port, to print its address (env " + Env.SPARK_UI_PORT
                    + "). Default: ${DEFAULT-VALUE}.")
    int masterUiPort;

    @Mixin
    StreamerOptions job;

    @Mixin
    HomeOption home;

    @Override
    public Integer call() throws InterruptedException {
        Path root = home.root();
        Path homeDir = home.home();
        SparkJob job = submission(homeDir).job(new SparkRuntime(root, homeDir), master.master(), executors.resources(),
                executors.conf());
        MasterUi.line(master.master(), masterUiPort).ifPresent(System.out::println);
        try (SparkSubmitProcess streamer = SparkSubmitProcess.startAttached(job)) {
            // Ctrl-C reaches the job too; this only waits for its clean stop (and kills it if it hangs).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(streamer)));
            return streamer.waitFor();
        }
    }

    StreamerSubmission submission(Path homeDir) {
        return StreamerSubmission.of(job, homeDir);
    }

    private static void closeQuietly(SparkSubmitProcess streamer) {
        try {
            streamer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

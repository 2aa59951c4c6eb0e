package dev.listening.streamer;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import dev.listening.contract.Cli;
import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.contract.StreamerOptions;
import dev.listening.contract.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * spark-submit's main class: reads the options and runs {@link StreamerJob}. The master comes from
 * spark-submit (--master), local[*] when run without one.
 */
@Command(name = "streamer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Streams listening events from Kafka into Cassandra " + Names.HISTORY_TABLE
                        + " (malformed records into " + Names.DEAD_LETTER_TABLE + ") until stopped.",
                "Restarted with the same checkpoint, it resumes where it stopped."})
public final class StreamerMain implements Callable<Integer> {
    @Mixin
    StreamerOptions options;


    public static void main(String[] args) {
        System.exit(Cli.execute(new StreamerMain(), args));
    }

    @Override
    public Integer call() {
        new StreamerJob(config()).run();
        return 0;
    }

    StreamerConfig config() {
        Path root = Path.of(System.getProperty(Env.ROOT_PROPERTY, "."));
        Path home = root.resolve(System.getenv().getOrDefault(Env.HOME, Env.DEFAULT_HOME));
        Path checkpoint = options.checkpoint(home);
        return new StreamerConfig(options.kafka.client(), options.topic.topic(), options.cassandra.cassandra(),
                options.cassandra.datacenter(), options.keyspace.keyspace(), consistency(options.consistency),
                options.songs.songs().toString(), options.trigger, options.maxOffsetsPerTrigger, options.minPartitions,
                options.startingOffsets, checkpoint.toString(), options.retryTimeout, options.rollupInterval, options.rollupLateness,
                options.stallTimeout,
                options.metricsFile(checkpoint).toString(),
                options.metricsPort, options.metricsAddress);
    }

    private static DefaultConsistencyLevel consistency(String level) {
        try {
            return DefaultConsistencyLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw new UserError(StreamerOptions.CONSISTENCY + " must be a consistency level such as LOCAL_ONE or "
                    + "LOCAL_QUORUM, not '" + level + "'");
        }
    }
}

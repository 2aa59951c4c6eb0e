package dev.listening.stack.kafka;

import dev.listening.contract.UserError;
import dev.listening.contract.kafka.Topics;
import dev.listening.stack.ConfiguredService;
import dev.listening.stack.net.Ports;
import dev.listening.stack.process.ClassArchives;
import dev.listening.stack.process.JvmCommand;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A Kafka node of the local stack: the one broker, or one broker of a ring (named kafka-N). */
public final class KafkaService extends ConfiguredService<KafkaConfig> {
    public static final String NAME = "kafka";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaService.class);
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    public KafkaService(KafkaConfig config) {
        this(NAME, config);
    }

    public KafkaService(String name, KafkaConfig config) {
        super(name, NAME, config);
    }

    /** The name of the ring's node number {@code number} (from 1), also its node id. */
    public static String nodeName(int number) {
        return NAME + "-" + number;
    }

    @Override
    public void prepare(Path java, String classpath, ClassArchives archives) throws InterruptedException {
        try {
            Files.createDirectories(dir());
            Files.writeString(configFile(), configuration());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(config().metaProperties())) {
            LOG.info("formatting Kafka storage in {}", config().logDirs());
            storageTool(archives.apply(new JvmCommand(java, config().jvmOptions(), classpath, KafkaConfig.STORAGE_TOOL,
                    config().formatArguments(ClusterId.ensure(config().clusterIdFile())))), dir().resolve("format.out"));
        }
    }

    private void storageTool(JvmCommand command, Path output) throws InterruptedException {
        Path log = dir().resolve("format.log");
        List<String> argv = command.argv();
        Process process;
        try {
            process = new ProcessBuilder(argv)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UserError("cannot run the Kafka storage tool: " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(FORMAT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new UserError("the Kafka storage tool did not finish within " + FORMAT_TIMEOUT.toSeconds() + " s; see " + log);
            }
        } finally {
            process.destroyForcibly();
        }
        if (process.exitValue() != 0) {
            throw new UserError("formatting Kafka storage failed (" + command.arguments().get(0) + " exited with "
                    + process.exitValue() + "); see " + log + " and " + output);
        }
    }

    @Override
    public JvmCommand command(Path java, String classpath) {
        return new JvmCommand(java, config().jvmOptions(), classpath, KafkaConfig.MAIN_CLASS, config().arguments());
    }

    /** The broker is ready when it answers a metadata request with itself among the cluster's live brokers. */
    @Override
    public boolean ready(Duration timeout) throws InterruptedException {
        if (!Ports.accepting(config().broker(), CONNECT_TIMEOUT)) {
            return false;
        }
        Admin admin = Topics.admin(config().broker().toString(), timeout);
        try {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream().anyMatch(node -> node.id() == config().nodeId());
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.debug("kafka not ready yet", e);
            return false;
        } finally {
            admin.close(Topics.CLOSE_TIMEOUT);
        }
    }
}

package dev.listening.contract.options;

import dev.listening.contract.Env;
import dev.listening.contract.kafka.KafkaClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where Kafka is and how to talk to it: the same options (and variables) for every command that does. */
public final class KafkaOptions {
    public static final String BOOTSTRAP = BootstrapOption.BOOTSTRAP;
    public static final String KAFKA_CONFIG = "--kafka-config";

    @Mixin
    BootstrapOption bootstrap;

    @Option(names = KAFKA_CONFIG, paramLabel = "FILE", defaultValue = "${env:" + Env.KAFKA_CONFIG + "}",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*, ...) for every Kafka client of the "
                    + "command (env " + Env.KAFKA_CONFIG + "). Default: none, plain connections.")
    Path config;

    public String bootstrap() {
        return bootstrap.bootstrap();
    }

    public KafkaClient client() {
        return new KafkaClient(bootstrap.bootstrap(), config == null ? null : config.toAbsolutePath().normalize());
    }
}

package dev.listening.contract.options;

import dev.listening.contract.Env;
import picocli.CommandLine.Option;

/** Where Kafka is: the same --bootstrap (and variable) for every command that talks to it. */
public final class KafkaOptions {
    public static final String BOOTSTRAP = "--bootstrap";

    @Option(names = BOOTSTRAP, paramLabel = "HOST:PORT[,..]", defaultValue = Env.KAFKA_OPTION,
            description = "Kafka bootstrap servers (env " + Env.KAFKA + "). Default: ${DEFAULT-VALUE}.")
    String bootstrap;

    public String bootstrap() {
        return bootstrap;
    }
}

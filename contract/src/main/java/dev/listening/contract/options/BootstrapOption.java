package dev.listening.contract.options;

import dev.listening.contract.Env;
import picocli.CommandLine.Option;

/** --bootstrap alone: for the benchmarks, which run on the plain local stack. Commands take {@link KafkaOptions}. */
public final class BootstrapOption {
    public static final String BOOTSTRAP = "--bootstrap";

    @Option(names = BOOTSTRAP, paramLabel = "HOST:PORT[,..]", defaultValue = Env.KAFKA_OPTION,
            description = "Kafka bootstrap servers (env " + Env.KAFKA + "). Default: ${DEFAULT-VALUE}.")
    String bootstrap;

    public String bootstrap() {
        return bootstrap;
    }
}

package dev.listening.contract.options;

import dev.listening.contract.Env;
import picocli.CommandLine.Option;

/** --topic: the Kafka topic of listening events, the same for every command. */
public final class TopicOption {
    public static final String TOPIC = "--topic";

    @Option(names = TOPIC, paramLabel = "NAME", defaultValue = Env.TOPIC_OPTION,
            description = "Kafka topic of listening events (env " + Env.TOPIC + "). Default: ${DEFAULT-VALUE}.")
    String topic;

    public String topic() {
        return topic;
    }
}

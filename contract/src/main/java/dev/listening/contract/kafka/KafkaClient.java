package dev.listening.contract.kafka;

import dev.listening.contract.UserError;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where Kafka is and how to talk to it: the bootstrap servers, and optionally a client properties
 * file (security.protocol, sasl.*, ssl.* for a real cluster) that every client of a command takes.
 *
 * @param config the properties file, or null for plain connections
 */
public record KafkaClient(String bootstrap, Path config) {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

    /** Plain connections to {@code bootstrap}. */
    public static KafkaClient of(String bootstrap) {
        return new KafkaClient(bootstrap, null);
    }

    /** The file's properties (none without one); its bootstrap.servers gives way to {@link #bootstrap()}. */
    public Map<String, String> configured() {
        Map<String, String> properties = new LinkedHashMap<>();
        if (config == null) {
            return properties;
        }
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException e) {
            throw new UserError("cannot read the Kafka client properties " + config + ": " + e.getMessage(), e);
        }
        file.stringPropertyNames().stream().sorted().forEach(name -> properties.put(name, file.getProperty(name)));
        properties.remove(BOOTSTRAP_SERVERS);
        return properties;
    }

    /** A client's configuration: the file's properties, then {@code settings} of its own, then the bootstrap servers. */
    public Map<String, Object> properties(Map<String, ?> settings) {
        Map<String, Object> all = new LinkedHashMap<>(configured());
        all.putAll(settings);
        all.put(BOOTSTRAP_SERVERS, bootstrap);
        return all;
    }
}

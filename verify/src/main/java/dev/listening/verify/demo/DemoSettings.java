package dev.listening.verify.demo;

import dev.listening.contract.UserError;
import dev.listening.stack.StackSettings;

import java.nio.file.Path;

/**
 * What the demo runs: the local stack it starts, the events it produces (with {@code user}, the known
 * listener, among {@code listeners} others), and where the query results go.
 *
 * @param timeoutSeconds how long to wait for every event to be stored
 * @param keepRunning    leave the stack and the streaming job running afterwards
 * @param dashboardPort  serve ./pipeline dashboard on this port while the demo runs; null for none
 */
public record DemoSettings(StackSettings stack, int events, int rate, int listeners, String user, String topic,
                           String keyspace, int timeoutSeconds, Path outDir, boolean keepRunning, Integer dashboardPort) {
    public static final String DEFAULT_EVENTS = "500";
    public static final String DEFAULT_RATE = "200";
    public static final String DEFAULT_LISTENERS = "20";
    public static final String DEFAULT_USER = "Ada Lovelace";
    public static final String DEFAULT_TIMEOUT_SECONDS = "180";

    public DemoSettings {
        if (events < 1 || rate < 1 || listeners < 0 || timeoutSeconds < 1) {
            throw new UserError("--events, --rate and --timeout must be positive and --listeners not negative");
        }
    }
}

package dev.listening.stack.spark;

import dev.listening.stack.net.HostPort;

import java.time.Duration;
import java.util.Optional;

/** The line `stream` prints for a spark:// master: where its web UI is, checked against the master itself. */
public final class MasterUi {
    static final String SPARK_SCHEME = "spark://";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private MasterUi() {
    }

    /** Empty for other masters (local, yarn, k8s); for a spark:// master, its UI address or where it was not found. */
    public static Optional<String> line(String master, int uiPort) throws InterruptedException {
        if (!master.startsWith(SPARK_SCHEME) || master.contains(",")) {
            return Optional.empty();
        }
        HostPort ui = HostPort.parse(master.substring(SPARK_SCHEME.length())).withPort(uiPort);
        SparkMasterState.Probe probe = new SparkMasterState.Probe(ui);
        Optional<SparkMasterState> state = probe.fetch(TIMEOUT);
        if (state.isPresent() && state.get().url().equals(master)) {
            return Optional.of("Spark master UI: " + probe.url() + " (" + state.get().aliveWorkers().size() + " workers alive)");
        }
        return Optional.of("Spark master UI: not found at " + probe.url() + " (--master-ui-port gives its port)");
    }
}

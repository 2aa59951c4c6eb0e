package dev.listening.cli.bench;

import dev.listening.cli.demo.DemoCommand;
import dev.listening.stack.LocalStack;
import dev.listening.stack.StackSettings;
import dev.listening.stack.net.Ports;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;

/**
 * ./pipeline demo's start-up, timed: the demo itself, on a stack of its own (free ports, a scratch
 * PIPELINE_HOME), so that Kafka and Cassandra start cold as on a user's first run while the stack
 * of ./pipeline up stays untouched. The scratch home is deleted afterwards.
 */
final class DemoStartup {
    /** From the issue of the demo: the stack ready within 40 s, the first run's events queryable within 60 s. */
    static final double TARGET_UP_S = 40;
    static final double TARGET_QUERYABLE_S = 60;

    private DemoStartup() {
    }

    static DemoCommand.Result measure(Path root, Path home, int events, int rate) throws InterruptedException {
        Path scratch = home.resolve("bench").resolve("demo-" + Long.toString(System.currentTimeMillis(), 36));
        List<Integer> ports = Ports.free(4);
        DemoCommand demo = new DemoCommand();
        new CommandLine(demo).parseArgs(
                StackSettings.KAFKA_FLAG, "127.0.0.1:" + ports.get(0),
                StackSettings.KAFKA_CONTROLLER_PORT_FLAG, ports.get(1).toString(),
                StackSettings.CASSANDRA_FLAG, "127.0.0.1:" + ports.get(2),
                StackSettings.CASSANDRA_STORAGE_PORT_FLAG, ports.get(3).toString(),
                "--home", scratch.toString(),
                "--events", Integer.toString(events),
                "--rate", Integer.toString(rate),
                "--out-dir", scratch.resolve("output").toString());
        try {
            return demo.run();
        } finally {
            LocalStack.purge(root, scratch);
        }
    }
}

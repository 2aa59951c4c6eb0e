package dev.listening.bench;

import dev.listening.contract.Env;
import dev.listening.contract.Names;
import dev.listening.stack.LocalStack;
import dev.listening.stack.StackSettings;
import dev.listening.stack.net.HostPort;
import dev.listening.stack.net.Ports;
import dev.listening.verify.demo.Demo;
import dev.listening.verify.demo.DemoSettings;

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

    static Demo.Result measure(Path root, Path home, int events, int rate) throws InterruptedException {
        Path scratch = home.resolve("bench").resolve("demo-" + Long.toString(System.currentTimeMillis(), 36));
        List<Integer> ports = Ports.free(4);
        StackSettings stack = new StackSettings(root, scratch, new HostPort(Env.DEFAULT_HOST, ports.get(0)), ports.get(1),
                new HostPort(Env.DEFAULT_HOST, ports.get(2)), ports.get(3), Env.DEFAULT_DATACENTER);
        Demo demo = new Demo(new DemoSettings(stack, events, rate, Integer.parseInt(DemoSettings.DEFAULT_LISTENERS),
                DemoSettings.DEFAULT_USER, Names.TOPIC, Names.KEYSPACE, Integer.parseInt(DemoSettings.DEFAULT_TIMEOUT_SECONDS),
                scratch.resolve("output"), false, null));
        try {
            return demo.run();
        } finally {
            LocalStack.purge(root, scratch);
        }
    }
}

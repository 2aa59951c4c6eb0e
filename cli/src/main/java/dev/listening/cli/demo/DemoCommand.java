package dev.listening.cli.demo;

import dev.listening.cli.stack.StackOptions;
import dev.listening.contract.options.KeyspaceOption;
import dev.listening.contract.options.OutputDirOption;
import dev.listening.contract.options.TopicOption;
import dev.listening.dashboard.DashboardSettings;
import dev.listening.verify.demo.Demo;
import dev.listening.verify.demo.DemoSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** ./pipeline demo: the whole product in one go, on the local stack ({@link Demo}). */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts the local stack and the streaming job (trigger 1 s), produces events with a known "
                + "listener among them, waits until every one is in Cassandra, runs the three queries for that "
                + "listener's latest hour into output/, prints a summary, and stops what it started.",
                "Each step prints its time; a failing step is named with its log, and the stack is stopped."})
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    StackOptions stack;

    @Option(names = "--events", paramLabel = "N", defaultValue = DemoSettings.DEFAULT_EVENTS,
            description = "Events to produce. Default: ${DEFAULT-VALUE}.")
    int events;

    @Option(names = "--rate", paramLabel = "N", defaultValue = DemoSettings.DEFAULT_RATE,
            description = "Events per second. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--listeners", paramLabel = "N", defaultValue = DemoSettings.DEFAULT_LISTENERS,
            description = "Fake listeners besides --user. Default: ${DEFAULT-VALUE}.")
    int listeners;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = DemoSettings.DEFAULT_USER,
            description = "The known listener the queries are run for. Default: ${DEFAULT-VALUE}.")
    String user;

    @Mixin
    TopicOption topic;

    @Mixin
    KeyspaceOption keyspace;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = DemoSettings.DEFAULT_TIMEOUT_SECONDS,
            description = "How long to wait for every event to be stored. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds;

    @Mixin
    OutputDirOption outDir;

    @Option(names = "--keep-running", description = "Leave the stack and the streaming job running afterwards.")
    boolean keepRunning;

    @Option(names = "--dashboard", paramLabel = "PORT", arity = "0..1", fallbackValue = DashboardSettings.DEFAULT_PORT,
            description = "Serve ./pipeline dashboard for the demo's topic and keyspace while the demo runs, on PORT "
                    + "(default " + DashboardSettings.DEFAULT_PORT + "); prints its address.")
    Integer dashboardPort;

    @Override
    public Integer call() throws InterruptedException {
        Demo demo = new Demo(new DemoSettings(stack.settings(), events, rate, listeners, user, topic.topic(),
                keyspace.keyspace(), timeoutSeconds, outDir.outDir(), keepRunning, dashboardPort));
        Demo.Result result = demo.run();
        System.out.println();
        demo.summary(result).forEach(System.out::println);
        return 0;
    }
}

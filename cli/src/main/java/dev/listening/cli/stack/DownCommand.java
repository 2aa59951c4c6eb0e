package dev.listening.cli.stack;

import dev.listening.cli.HomeOption;
import dev.listening.stack.LocalStack;
import dev.listening.stack.StackText;
import dev.listening.stack.StopReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "down", mixinStandardHelpOptions = true,
        description = {"Stops the local stack found through the pid files in --home: SIGTERM, then SIGKILL after --stop-timeout.",
                "Data stays for the next `up` unless --purge is given."})
public final class DownCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--purge", description = "Also delete --home: topics, tables, logs, checkpoints.")
    boolean purge;

    @Option(names = "--stop-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "How long each service may take to shut down before it is killed. Default: ${DEFAULT-VALUE}.")
    int stopTimeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        List<StopReport> reports = LocalStack.stop(home.home(), Duration.ofSeconds(stopTimeoutSeconds));
        StackText.down(reports).forEach(System.out::println);
        if (purge) {
            LocalStack.purge(home.root(), home.home());
            System.out.println("deleted " + home.home());
        }
        return 0;
    }
}

package dev.listening.cli.stack;

import dev.listening.stack.LocalStack;
import dev.listening.stack.ServiceStatus;
import dev.listening.stack.StackSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows each service of the local stack: pid, address, whether it runs and answers clients.",
                "Exit code 0 when every service is ready, 1 otherwise."})
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws InterruptedException {
        StackSettings settings = stack.settings();
        List<ServiceStatus> statuses = new LocalStack(settings).status(LocalStack.PROBE_TIMEOUT);
        StackText.status(statuses, settings.root()).forEach(System.out::println);
        return statuses.stream().allMatch(s -> s.state() == ServiceStatus.State.READY) ? 0 : 1;
    }
}

package dev.listening.contract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** How every main of the project runs its picocli command: one line for expected failures. */
public final class Cli {
    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    /**
     * Runs the command and returns its exit code; a {@link UserError} or a bad option value becomes
     * "error: message", exit 1.
     */
    public static int execute(Object command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            UserError userError = userError(e);
            if (userError == null) {
                throw e;
            }
            LOG.debug("{} failed", cmd.getCommandName(), e);
            cmd.getErr().println("error: " + userError.getMessage());
            return 1;
        });
        // a bad option is bad input like any other: one line, not picocli's usage dump and exit 2
        commandLine.setParameterExceptionHandler((e, badArgs) -> {
            CommandLine cmd = e.getCommandLine();
            String help = cmd.getCommandSpec().qualifiedName() + " --help";
            cmd.getErr().println("error: " + e.getMessage() + " (see " + help + ")");
            return 1;
        });
        return commandLine.execute(args);
    }

    private static UserError userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserError userError) {
                return userError;
            }
        }
        return null;
    }
}

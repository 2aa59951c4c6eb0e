package dev.listening.stack.process;

import dev.listening.contract.Env;
import dev.listening.contract.UserError;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A java command line: JVM options, classpath, main class and its arguments. The options of
 * {@value Env#JVM_OPTIONS} follow the command's own, so they can add to or override them.
 */
public record JvmCommand(Path java, List<String> options, String classpath, String mainClass, List<String> arguments) {
    /** Puts the service in a session of its own, so a Ctrl-C in the terminal that started it does not reach it. */
    static final String NEW_SESSION = "setsid";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    public JvmCommand {
        options = List.copyOf(options);
        arguments = List.copyOf(arguments);
    }

    /** The same command with {@code more} after its own options (and before {@value Env#JVM_OPTIONS}'). */
    public JvmCommand withOptions(List<String> more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(more);
        return new JvmCommand(java, all, classpath, mainClass, arguments);
    }

    public List<String> argv() {
        return argv(System.getenv(Env.JVM_OPTIONS));
    }

    /** With {@code extraOptions} (white-space separated, may be null) after the command's own options. */
    List<String> argv(String extraOptions) {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(options);
        if (extraOptions != null && !extraOptions.isBlank()) {
            argv.addAll(List.of(WHITESPACE.split(extraOptions.strip())));
        }
        argv.add("-cp");
        argv.add(classpath);
        argv.add(mainClass);
        argv.addAll(arguments);
        return argv;
    }

    /** The same command in a new session: it survives the CLI that started it and its terminal's signals. */
    public List<String> detachedArgv() {
        List<String> argv = new ArrayList<>();
        argv.add(NEW_SESSION);
        argv.addAll(argv());
        return argv;
    }

    /** The command for a log file: the classpath, kilobytes long and the same every time, is left out. */
    public String describe() {
        List<String> shown = new ArrayList<>(argv());
        shown.set(shown.indexOf("-cp") + 1, "<" + classpath.split(File.pathSeparator).length + " jars>");
        return String.join(" ", shown);
    }

    /** The java binary of the running JVM, so every service runs on the Java the CLI was started with. */
    public static Path currentJava() {
        return ProcessHandle.current().info().command().map(Path::of)
                .or(() -> Optional.of(Path.of(System.getProperty("java.home"), "bin", "java")))
                .filter(Files::isExecutable)
                .orElseThrow(() -> new UserError("cannot find the java binary of this JVM (java.home "
                        + System.getProperty("java.home") + "); install a JDK 17 and put it on PATH"));
    }
}

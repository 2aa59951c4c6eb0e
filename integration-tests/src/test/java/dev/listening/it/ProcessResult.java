package dev.listening.it;

/** How a `./pipeline` run ended: exit code and everything it printed. */
public record ProcessResult(int exitCode, String stdout, String stderr) {
}

package dev.listening.contract;

/**
 * An expected failure the user can act on (bad input, a service that does not answer, a port in
 * use): shown as one line, without a stack trace. The cause, if any, still goes to the log.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}

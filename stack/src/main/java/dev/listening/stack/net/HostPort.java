package dev.listening.stack.net;

import dev.listening.contract.UserError;

/** One "host:port" endpoint, as the CLI options and PIPELINE_* variables write it. */
public record HostPort(String host, int port) {
    public HostPort {
        if (host.isBlank() || port < 1 || port > 65535) {
            throw new UserError("'" + host + ":" + port + "' is not host:port with a port in 1-65535");
        }
    }

    public static HostPort parse(String text) {
        String trimmed = text.strip();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new UserError("'" + text + "' is not host:port");
        }
        try {
            return new HostPort(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new UserError("'" + text + "' is not host:port");
        }
    }

    public HostPort withPort(int otherPort) {
        return new HostPort(host, otherPort);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}

package dev.listening.stack.net;

import dev.listening.contract.UserError;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

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

    /** The first of a comma-separated list of endpoints, as --bootstrap and --cassandra take them. */
    public static HostPort first(String endpoints) {
        return parse(endpoints.split(",", -1)[0]);
    }

    public HostPort withPort(int otherPort) {
        return new HostPort(host, otherPort);
    }

    /**
     * The IPv4 address {@code offset} after this one, same port (127.0.0.1 + 2 = 127.0.0.3: Linux answers on
     * all of 127/8 without any setup); empty when the host is not IPv4 or the last byte would pass 254.
     */
    public Optional<HostPort> plus(int offset) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new UserError("cannot resolve host '" + host + "'", e);
        }
        byte[] bytes = address.getAddress();
        if (!(address instanceof Inet4Address) || (bytes[3] & 0xff) + offset > 254) {
            return Optional.empty();
        }
        bytes[3] = (byte) ((bytes[3] & 0xff) + offset);
        try {
            return Optional.of(new HostPort(InetAddress.getByAddress(bytes).getHostAddress(), port));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}

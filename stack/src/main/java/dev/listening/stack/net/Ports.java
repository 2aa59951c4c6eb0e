package dev.listening.stack.net;

import dev.listening.contract.UserError;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Local TCP ports: is one taken, does one accept connections, which ones are free. */
public final class Ports {
    private static final String LOOPBACK = "127.0.0.1";
    private static final int MAX_PORT = 65_535;

    private Ports() {
    }

    /** True when the port cannot be bound on host, most likely because something already listens there. */
    public static boolean inUse(HostPort endpoint) {
        InetSocketAddress address = new InetSocketAddress(endpoint.host(), endpoint.port());
        if (address.isUnresolved()) {
            throw new UserError("cannot resolve host '" + endpoint.host() + "'");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address, 1);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Refuses a port that is taken: a readiness check would otherwise talk to whatever holds it.
     * {@code howToChange} names the option and variable, e.g. "--kafka or PIPELINE_KAFKA".
     */
    public static void requireFree(HostPort endpoint, String role, String howToChange) {
        if (inUse(endpoint)) {
            throw new UserError("port " + endpoint.port() + " (" + role + ") is already in use on " + endpoint.host()
                    + "; stop what holds it or choose another port with " + howToChange);
        }
    }

    /** True when something accepts a TCP connection on the endpoint within the timeout. */
    public static boolean accepting(HostPort endpoint, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) Math.max(1, timeout.toMillis()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code count} distinct ports of 127.0.0.1 that were free a moment ago (held together, so they differ). */
    public static List<Integer> free(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(LOOPBACK, 0), 1);
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find free ports", e);
        } finally {
            sockets.forEach(Ports::release);
        }
    }

    /** The first of {@code count} consecutive ports of 127.0.0.1 that were free a moment ago (a Spark master's UI and its workers'). */
    public static int freeInARow(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = free(1).get(0);
            if (first + count - 1 <= MAX_PORT
                    && IntStream.range(1, count).noneMatch(i -> inUse(new HostPort(LOOPBACK, first + i)))) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " free ports in a row");
    }

    private static void release(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot release port " + socket.getLocalPort(), e);
        }
    }
}

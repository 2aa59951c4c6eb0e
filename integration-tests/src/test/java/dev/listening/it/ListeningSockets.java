package dev.listening.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The TCP sockets a Linux process listens on, read from /proc: the socket inodes among its open files
 * (/proc/PID/fd) matched with the LISTEN entries of its network namespace's tables (/proc/PID/net/tcp
 * and tcp6), which name no process themselves.
 */
final class ListeningSockets {
    private static final String LISTEN = "0A";
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    private static final int LOCAL_ADDRESS = 1;
    private static final int STATE = 3;
    private static final int INODE = 9;

    private ListeningSockets() {
    }

    /** False where there is no Linux /proc (macOS, say). */
    static boolean readable() {
        return Files.isReadable(Path.of("/proc/self/net/tcp"));
    }

    static List<InetSocketAddress> of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        Set<String> inodes = socketInodes(proc.resolve("fd"));
        List<InetSocketAddress> sockets = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = proc.resolve("net").resolve(table);
            try {
                sockets.addAll(listening(Files.readString(file), inodes));
            } catch (NoSuchFileException e) {
                // a kernel without IPv6 has no tcp6 table
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sockets;
    }

    /** The local addresses of a /proc/net/tcp or tcp6 table's LISTEN entries whose socket inode is one of {@code inodes}. */
    static List<InetSocketAddress> listening(String table, Set<String> inodes) {
        return table.lines().skip(1)
                .map(line -> line.strip().split("\\s+"))
                .filter(fields -> fields[STATE].equals(LISTEN) && inodes.contains(fields[INODE]))
                .map(fields -> address(fields[LOCAL_ADDRESS]))
                .toList();
    }

    /** "0100007F:4A9C" is 127.0.0.1:19100: the kernel prints each 32-bit word of the address in host byte order. */
    static InetSocketAddress address(String hex) {
        String[] parts = hex.split(":");
        byte[] bytes = HexFormat.of().parseHex(parts[0]);
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            for (int word = 0; word < bytes.length; word += 4) {
                reverse(bytes, word, word + 3);
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + hex, e);
        }
    }

    private static void reverse(byte[] bytes, int from, int to) {
        for (int i = from, j = to; i < j; i++, j--) {
            byte b = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = b;
        }
    }

    private static Set<String> socketInodes(Path fds) {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> files = Files.list(fds)) {
            for (Path fd : (Iterable<Path>) files::iterator) {
                try {
                    Matcher socket = SOCKET_LINK.matcher(Files.readSymbolicLink(fd).toString());
                    if (socket.matches()) {
                        inodes.add(socket.group(1));
                    }
                } catch (NoSuchFileException e) {
                    // closed since the listing
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inodes;
    }
}

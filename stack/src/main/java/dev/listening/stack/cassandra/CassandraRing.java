package dev.listening.stack.cassandra;

import dev.listening.contract.UserError;
import dev.listening.stack.net.HostPort;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A ring of Cassandra nodes on consecutive IPv4 addresses (127.0.0.1, .2, .3 on loopback: Linux
 * answers on all of 127/8 without any setup), all on the same ports, one directory each. The first
 * node is the seed; each node owns an equal share of the Murmur3 token range.
 */
public record CassandraRing(HostPort first, int storagePort, int nodes, String maxHeap) {
    private static final BigInteger MIN_TOKEN = BigInteger.TWO.pow(63).negate();
    private static final BigInteger TOKEN_RANGE = BigInteger.TWO.pow(64);

    public CassandraRing {
        if (nodes < 1) {
            throw new UserError("a ring needs at least 1 Cassandra node, not " + nodes);
        }
        address(first, nodes - 1);
    }

    /** CQL address of node {@code index} (from 0). */
    public HostPort node(int index) {
        return address(first, index);
    }

    public List<HostPort> cqlAddresses() {
        return IntStream.range(0, nodes).mapToObj(this::node).toList();
    }

    /** "host:port,host:port,...": contact points for the driver, the connector and the CLI. */
    public String contactPoints() {
        return String.join(",", cqlAddresses().stream().map(HostPort::toString).toList());
    }

    public List<CassandraService> services(Path home, String datacenter) {
        HostPort seed = node(0).withPort(storagePort);
        return IntStream.range(0, nodes).mapToObj(i -> {
            String name = CassandraService.nodeName(i + 1);
            CassandraConfig config = new CassandraConfig(node(i), storagePort, home.resolve(name), seed, maxHeap, token(i, nodes));
            return new CassandraService(name, config, datacenter);
        }).toList();
    }

    /** Token of node {@code index} of {@code count}: evenly spaced over Murmur3's -2^63..2^63-1. */
    static String token(int index, int count) {
        return MIN_TOKEN.add(TOKEN_RANGE.multiply(BigInteger.valueOf(index)).divide(BigInteger.valueOf(count))).toString();
    }

    private static HostPort address(HostPort first, int offset) {
        return first.plus(offset).orElseThrow(() -> new UserError("a local ring of " + (offset + 1)
                + " Cassandra nodes needs an IPv4 address with room for " + offset + " more after it (such as 127.0.0.1), not "
                + first.host()));
    }
}

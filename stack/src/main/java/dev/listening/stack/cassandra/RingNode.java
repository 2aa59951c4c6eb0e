package dev.listening.stack.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.listening.contract.CqlFile;
import dev.listening.cql.CassandraSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a Cassandra ring as a client sees it: {@code state} is the driver's (UP, DOWN), and
 * {@code gossip} the ring's own word for it (NORMAL, JOINING, LEAVING, shutdown) from
 * system_views.gossip_info, since nodetool needs JMX, which the local nodes do not open.
 */
public record RingNode(String address, String datacenter, String state, String gossip) {
    private static final Logger LOG = LoggerFactory.getLogger(RingNode.class);
    private static final String GOSSIP = "cql/stack/gossip_info_select.cql";

    /** The ring seen through any node of {@code contactPoints} that answers. */
    public static List<RingNode> read(String contactPoints, String datacenter, Duration timeout) {
        try (CqlSession session = CassandraSessions.open(contactPoints, datacenter, timeout)) {
            Map<InetAddress, String> gossip = new HashMap<>();
            try {
                for (Row row : session.execute(CqlFile.classpath(GOSSIP).cql())) {
                    String status = row.isNull(1) ? row.getString(2) : row.getString(1);
                    gossip.put(row.getInetAddress(0), status == null ? "?" : status.split(",", 2)[0]);
                }
            } catch (RuntimeException e) {
                LOG.debug("no gossip state", e);
            }
            return session.getMetadata().getNodes().values().stream()
                    .map(node -> new RingNode(address(node), node.getDatacenter(), node.getState().name(),
                            gossip.getOrDefault(inet(node), "?")))
                    .sorted(Comparator.comparing(RingNode::address))
                    .toList();
        }
    }

    public boolean upAndNormal() {
        return state.equals("UP") && gossip.equalsIgnoreCase("NORMAL");
    }

    private static InetAddress inet(Node node) {
        return node.getBroadcastAddress().map(InetSocketAddress::getAddress)
                .orElseGet(() -> ((InetSocketAddress) node.getEndPoint().resolve()).getAddress());
    }

    private static String address(Node node) {
        InetSocketAddress rpc = (InetSocketAddress) node.getEndPoint().resolve();
        return rpc.getAddress().getHostAddress() + ":" + rpc.getPort();
    }
}

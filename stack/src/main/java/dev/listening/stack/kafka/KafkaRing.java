package dev.listening.stack.kafka;

import dev.listening.contract.UserError;
import dev.listening.stack.net.HostPort;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The brokers of cluster mode: {@value #BROKERS} KRaft nodes, each broker and controller, on consecutive
 * IPv4 addresses from {@code first} (127.0.0.1, .2, .3), all on the same broker and controller ports, one
 * directory each. The three controllers are a fixed quorum: any two elect a leader, so one node may be
 * lost. Every topic gets a replica on each node and a write with acks=all needs two of them in sync.
 */
public record KafkaRing(HostPort first, int controllerPort) {
    public static final int BROKERS = 3;

    public KafkaRing {
        broker(first, BROKERS - 1);
    }

    /** Broker address of node {@code index} (from 0). */
    public HostPort broker(int index) {
        return broker(first, index);
    }

    public List<HostPort> brokers() {
        return IntStream.range(0, BROKERS).mapToObj(this::broker).toList();
    }

    /** "host:port,host:port,...": every broker, for the clients' bootstrap.servers. */
    public String bootstrap() {
        return brokers().stream().map(HostPort::toString).collect(Collectors.joining(","));
    }

    public List<KafkaService> services(Path home) {
        List<HostPort> voters = brokers().stream().map(broker -> broker.withPort(controllerPort)).toList();
        Path clusterIdFile = home.resolve(KafkaService.nodeName(1)).resolve("cluster.id");
        return IntStream.range(0, BROKERS).mapToObj(i -> {
            String name = KafkaService.nodeName(i + 1);
            return new KafkaService(name, new KafkaConfig(i + 1, broker(i), controllerPort, home.resolve(name), voters, clusterIdFile));
        }).toList();
    }

    private static HostPort broker(HostPort first, int offset) {
        return first.plus(offset).orElseThrow(() -> new UserError("a local cluster of " + BROKERS + " Kafka brokers needs an "
                + "IPv4 address with room for " + (BROKERS - 1) + " more after it (such as 127.0.0.1), not " + first.host()));
    }
}

package dev.listening.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Lines as a little-endian Linux prints them (ss -ltn gave the addresses these must decode to). */
class ListeningSocketsTest {
    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:4A9C 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1 0000000000000000 100 0 0 10 0
               1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 222 1 0000000000000000 100 0 0 10 0
               2: 0100007F:4A9C 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 333 1 0000000000000000 20 4 30 10 -1
               3: 0200007F:1B58 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 444 1 0000000000000000 100 0 0 10 0
            """;
    private static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000001000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 555 1 0000000000000000 100 0 0 10 0
               1: 0000000000000000FFFF00000100007F:2382 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 666 1 0000000000000000 100 0 0 10 0
               2: 00000000000000000000000000000000:1F91 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 777 1 0000000000000000 100 0 0 10 0
            """;

    @BeforeAll
    static void littleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the sample lines are a little-endian kernel's");
    }

    @Test
    void decodesIpv4ListenersOfTheGivenInodesOnly() {
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 19100), new InetSocketAddress("0.0.0.0", 8080),
                        new InetSocketAddress("127.0.0.2", 7000)),
                ListeningSockets.listening(TCP, Set.of("111", "222", "333", "444")));
        assertEquals(List.of(new InetSocketAddress("127.0.0.2", 7000)), ListeningSockets.listening(TCP, Set.of("444", "999")));
    }

    @Test
    void decodesIpv6ListenersWithMappedAndWildcardAddresses() {
        List<InetSocketAddress> sockets = ListeningSockets.listening(TCP6, Set.of("555", "666", "777"));
        assertEquals(List.of(new InetSocketAddress("::1", 22), new InetSocketAddress("127.0.0.1", 9090),
                new InetSocketAddress("::", 8081)), sockets);
        assertTrue(sockets.get(2).getAddress().isAnyLocalAddress());
    }
}

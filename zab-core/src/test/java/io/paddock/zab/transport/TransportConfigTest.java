package io.paddock.zab.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.zab.Proposal;
import io.paddock.zab.message.Ping;
import io.paddock.zab.message.Propose;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad ensemble addresses are refused with the server named; waiting messages stay bounded. */
class TransportConfigTest {

    @Test
    void myIdNeedsAnAddress() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TransportConfig.of(4, Map.of(1L, address(1, 2001, 3001))));
        assertTrue(e.getMessage().contains("myId 4"), e.getMessage());
    }

    @Test
    void twoServersCannotShareAPort() {
        var e = assertThrows(IllegalArgumentException.class, () -> TransportConfig.of(1,
                Map.of(1L, address(1, 2001, 3001), 2L, address(2, 2002, 2001))));
        assertTrue(e.getMessage().contains("server."), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TransportConfig.of(1, Map.of(1L, address(1, 2001, 2001))));
    }

    @Test
    void theIdKeyMustMatchItsAddress() {
        assertThrows(IllegalArgumentException.class,
                () -> TransportConfig.of(1, Map.of(1L, address(1, 2001, 3001), 2L, address(3, 2002, 3002))));
    }

    @Test
    void retriesCannotShrink() {
        TransportConfig ok = TransportConfig.of(1, Map.of(1L, address(1, 2001, 3001)));
        assertThrows(IllegalArgumentException.class,
                () -> ok.withReconnect(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }

    @Test
    void messagesWaitingForAConnectionAreBoundedByCountAndBytesOldestDroppedFirst() {
        Link link = new Link(2, new InetSocketAddress(2002), new Backoff(Duration.ofMillis(1), Duration.ofMillis(2)));
        for (int i = 0; i < 10; i++) {
            link.queue(new Ping(1, i + 100), 4, 1 << 20);
        }
        assertEquals(4, link.pending.size());
        assertEquals(106, link.poll().to(), "the oldest went first");

        link.clearPending();
        Propose big = new Propose(1, 2, new Proposal(5, 1, new byte[1000]), 4);
        link.queue(big, 100, 1500);
        link.queue(new Ping(1, 2), 100, 1500);
        link.queue(big, 100, 1500);
        assertEquals(2, link.pending.size(), "bytes bound the queue too");
        assertEquals(new Ping(1, 2), link.poll());
    }

    private static PeerAddress address(long id, int election, int quorum) {
        return new PeerAddress(id, new InetSocketAddress("127.0.0.1", election),
                new InetSocketAddress("127.0.0.1", quorum));
    }
}

package io.paddock.server.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.paddock.server.config.EnsembleConfig;
import io.paddock.server.config.EnsembleMember;
import io.paddock.server.config.PeerType;
import io.paddock.zab.transport.PeerAddress;
import io.paddock.zab.transport.TransportConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The peer transport's addresses come from zoo.cfg's server lines, which the parser leaves
 * unresolved (it never asks DNS); a server started from a zoo.cfg file must still bind and
 * connect, so the transport gets resolved addresses.
 */
class TransportConfigTest {

    @Test
    void serverLinesAsTheParserLeavesThemBecomeResolvedPeerAddresses() {
        List<EnsembleMember> members = List.of(member(1, 2888, 3888), member(2, 2889, 3889),
                member(3, 2890, 3890));

        TransportConfig config = EnsemblePeer.transportConfig(
                new EnsembleConfig(2, members, 10, 5, false, 3, 5000));

        assertEquals(3, config.peers().size());
        for (PeerAddress p : config.peers().values()) {
            assertFalse(p.electionAddress().isUnresolved(), p.toString());
            assertFalse(p.quorumAddress().isUnresolved(), p.toString());
            assertEquals("127.0.0.1", p.quorumAddress().getAddress().getHostAddress());
        }
        assertEquals(3889, config.me().electionAddress().getPort());
        assertEquals(2889, config.me().quorumAddress().getPort());
    }

    private static EnsembleMember member(long id, int quorum, int election) {
        return new EnsembleMember(id, InetSocketAddress.createUnresolved("127.0.0.1", quorum),
                InetSocketAddress.createUnresolved("127.0.0.1", election), Optional.empty(),
                PeerType.PARTICIPANT);
    }
}

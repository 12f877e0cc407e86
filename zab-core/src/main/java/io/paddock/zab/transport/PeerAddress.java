package io.paddock.zab.transport;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where one server of the ensemble listens: ZooKeeper's {@code server.N=host:quorumPort:electionPort}.
 *
 * @param id the server id (N)
 * @param electionAddress carries every {@link io.paddock.zab.message.PeerMessage} of the pair
 * @param quorumAddress carries snapshot streams only
 */
public record PeerAddress(long id, InetSocketAddress electionAddress,
        InetSocketAddress quorumAddress) {

    public PeerAddress {
        Objects.requireNonNull(electionAddress, "electionAddress");
        Objects.requireNonNull(quorumAddress, "quorumAddress");
        if (id <= 0) {
            throw new IllegalArgumentException("server id must be positive: " + id);
        }
    }

    /**
     * The address to bind: zoo.cfg's parser leaves host names unresolved (no DNS at parse time),
     * which Netty dials through its resolver but cannot bind.
     */
    static InetSocketAddress bindable(InetSocketAddress address) {
        return address.isUnresolved()
                ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }
}

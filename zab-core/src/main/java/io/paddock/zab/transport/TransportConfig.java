package io.paddock.zab.transport;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the transport of one server needs: its id, every server's addresses (its own included:
 * it binds those) and its timing.
 *
 * @param myId this server's id
 * @param peers every server of the ensemble, voters and observers, by id
 * @param connectTimeout bound on one connection attempt (ZooKeeper's {@code cnxTimeout})
 * @param reconnectMin the first retry delay after a failed or lost connection
 * @param reconnectMax the cap of the doubling retry delay
 * @param maxFrameBytes the largest frame accepted on the election port; larger closes the
 *     connection (it must hold the largest proposal)
 * @param maxPendingMessages messages kept per peer while it has no connection; older ones are
 *     dropped beyond it (the core tolerates loss)
 * @param maxPendingBytes the same bound in bytes of txn data, so a peer that is down for long
 *     holds at most this much heap on every other peer
 * @param snapshotIdleTimeout a snapshot stream that goes this long without a byte is abandoned
 * @param tls TLS on both ports (ZooKeeper's {@code sslQuorum}), or null for plaintext
 * @param authenticator authentication of every connection on both ports (ZooKeeper's quorum
 *     SASL), or null for none
 */
public record TransportConfig(long myId, Map<Long, PeerAddress> peers, Duration connectTimeout,
        Duration reconnectMin, Duration reconnectMax, int maxFrameBytes, int maxPendingMessages,
        long maxPendingBytes, Duration snapshotIdleTimeout, PeerTls tls,
        PeerAuthenticator authenticator) {

    /** ZooKeeper's default cnxTimeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Room for ZooKeeper's default jute.maxbuffer (1 MiB) txn and then some. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 << 20;

    /**
     * @throws IllegalArgumentException naming the field, if myId has no address, an id key does not
     *     match its address, two servers share a port, or a limit is out of range
     */
    public TransportConfig {
        peers = Map.copyOf(new TreeMap<>(peers));
        if (!peers.containsKey(myId)) {
            throw new IllegalArgumentException("myId " + myId + " has no address among " + peers.keySet());
        }
        checkAddresses(peers);
        positive("connectTimeout", connectTimeout);
        positive("reconnectMin", reconnectMin);
        positive("reconnectMax", reconnectMax);
        positive("snapshotIdleTimeout", snapshotIdleTimeout);
        if (reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("reconnectMax " + reconnectMax + " below reconnectMin "
                    + reconnectMin);
        }
        if (maxFrameBytes < 64) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 64, got " + maxFrameBytes);
        }
        if (maxPendingBytes < 1) {
            throw new IllegalArgumentException("maxPendingBytes must be at least 1, got "
                    + maxPendingBytes);
        }
        if (maxPendingMessages < 1) {
            throw new IllegalArgumentException("maxPendingMessages must be at least 1, got "
                    + maxPendingMessages);
        }
    }

    /**
     * Defaults: cnxTimeout 5 s, retries from 50 ms doubling to 2 s, 16 MiB frames, up to 1,000
     * messages or 16 MiB waiting per unconnected peer, snapshot streams idle for 30 s abandoned.
     */
    public static TransportConfig of(long myId, Map<Long, PeerAddress> peers) {
        return new TransportConfig(myId, peers, DEFAULT_CONNECT_TIMEOUT, Duration.ofMillis(50),
                Duration.ofSeconds(2), DEFAULT_MAX_FRAME_BYTES, 1_000, 16L << 20,
                Duration.ofSeconds(30), null, null);
    }

    /** This config with another connect timeout (ZooKeeper's {@code cnxTimeout}). */
    public TransportConfig withConnectTimeout(Duration timeout) {
        return new TransportConfig(myId, peers, timeout, reconnectMin, reconnectMax, maxFrameBytes,
                maxPendingMessages, maxPendingBytes, snapshotIdleTimeout, tls, authenticator);
    }

    public TransportConfig withReconnect(Duration min, Duration max) {
        return new TransportConfig(myId, peers, connectTimeout, min, max, maxFrameBytes,
                maxPendingMessages, maxPendingBytes, snapshotIdleTimeout, tls, authenticator);
    }

    public TransportConfig withMaxFrameBytes(int bytes) {
        return new TransportConfig(myId, peers, connectTimeout, reconnectMin, reconnectMax, bytes,
                maxPendingMessages, maxPendingBytes, snapshotIdleTimeout, tls, authenticator);
    }

    /** This config with TLS on both ports; null for plaintext. */
    public TransportConfig withTls(PeerTls peerTls) {
        return new TransportConfig(myId, peers, connectTimeout, reconnectMin, reconnectMax,
                maxFrameBytes, maxPendingMessages, maxPendingBytes, snapshotIdleTimeout, peerTls,
                authenticator);
    }

    /** This config with authentication of every peer connection; null for none. */
    public TransportConfig withAuthenticator(PeerAuthenticator peerAuthenticator) {
        return new TransportConfig(myId, peers, connectTimeout, reconnectMin, reconnectMax,
                maxFrameBytes, maxPendingMessages, maxPendingBytes, snapshotIdleTimeout, tls,
                peerAuthenticator);
    }

    /** This server's own addresses. */
    public PeerAddress me() {
        return peers.get(myId);
    }

    private static void checkAddresses(Map<Long, PeerAddress> peers) {
        Map<InetSocketAddress, String> seen = new HashMap<>();
        peers.forEach((id, address) -> {
            if (address.id() != id) {
                throw new IllegalArgumentException("peers: key " + id + " holds the address of "
                        + address.id());
            }
            for (var e : Map.of("election", address.electionAddress(),
                    "quorum", address.quorumAddress()).entrySet()) {
                String previous = seen.put(e.getValue(), "server." + id + " " + e.getKey() + " port");
                if (previous != null) {
                    throw new IllegalArgumentException("server." + id + ": " + e.getKey()
                            + " address " + e.getValue() + " is also the " + previous);
                }
            }
        });
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}

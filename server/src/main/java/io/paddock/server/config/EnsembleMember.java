package io.paddock.server.config;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code server.N} line of an ensemble's configuration. Addresses keep the host as written
 * (hostnames unresolved): the runtime resolves them when it connects, so a DNS change reaches it,
 * and parsing a config never waits for DNS.
 *
 * <p>Immutable.
 *
 * @param id the server id, N of {@code server.N}; the content of that server's myid file
 * @param quorumAddress where the leader listens for followers and observers
 * @param electionAddress where the server listens for election votes
 * @param clientAddress where the server serves clients, if its line says so (the part after
 *     {@code ;}; a bare port means every address, {@code 0.0.0.0})
 * @param type participant or observer
 */
public record EnsembleMember(long id, InetSocketAddress quorumAddress,
        InetSocketAddress electionAddress, Optional<InetSocketAddress> clientAddress, PeerType type) {

    public EnsembleMember {
        if (id < 0) {
            throw new IllegalArgumentException("server id must not be negative, got " + id);
        }
        Objects.requireNonNull(quorumAddress, "quorumAddress");
        Objects.requireNonNull(electionAddress, "electionAddress");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(type, "type");
    }

    public boolean isParticipant() {
        return type == PeerType.PARTICIPANT;
    }

    public boolean isObserver() {
        return type == PeerType.OBSERVER;
    }

    /** The zoo.cfg key of this member's line, {@code server.<id>}. */
    public String key() {
        return "server." + id;
    }
}

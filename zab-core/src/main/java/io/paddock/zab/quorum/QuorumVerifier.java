package io.paddock.zab.quorum;

import java.util.Set;

/**
 * Decides which sets of servers form a quorum. Any two quorums must intersect, and a superset of a
 * quorum must be a quorum too: the commit and election logic rely on both.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface QuorumVerifier {

    /**
     * Whether the voting members among {@code serverIds} form a quorum. Ids that are not voting
     * members (observers, strangers) are ignored.
     */
    boolean containsQuorum(Set<Long> serverIds);

    /** The ids of the servers whose votes and acks count; never empty. */
    Set<Long> votingMembers();
}

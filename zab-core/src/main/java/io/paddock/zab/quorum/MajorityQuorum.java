package io.paddock.zab.quorum;

import java.util.Set;

/**
 * A quorum is more than half of the voting members: 1 of 1, 2 of 3, 3 of 5. A standalone server is
 * the ensemble {@code MajorityQuorum(Set.of(1L))}, in which its own vote or ack decides.
 *
 * <p>Immutable and thread-safe.
 */
public final class MajorityQuorum implements QuorumVerifier {

    private final Set<Long> voters;

    /**
     * @param voters the voting members' server ids
     * @throws IllegalArgumentException if {@code voters} is empty
     * @throws NullPointerException if {@code voters} or one of its ids is null
     */
    public MajorityQuorum(Set<Long> voters) {
        this.voters = Set.copyOf(voters);
        if (this.voters.isEmpty()) {
            throw new IllegalArgumentException("a quorum needs at least one voting member");
        }
    }

    @Override
    public boolean containsQuorum(Set<Long> serverIds) {
        int present = 0;
        for (Long id : serverIds) {
            if (voters.contains(id)) {
                present++;
            }
        }
        return present > voters.size() / 2;
    }

    @Override
    public Set<Long> votingMembers() {
        return voters;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MajorityQuorum that && voters.equals(that.voters);
    }

    @Override
    public int hashCode() {
        return voters.hashCode();
    }

    @Override
    public String toString() {
        return "MajorityQuorum" + voters;
    }
}

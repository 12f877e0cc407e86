package io.paddock.zab.broadcast;

import io.paddock.zab.quorum.QuorumVerifier;
import java.util.Set;

/**
 * Deliberately broken quorum for the {@code COMMIT_ON_MINORITY} mutation: any single voter is a
 * "quorum". Tests only: the simulator must catch commits it makes.
 *
 * <p>Immutable and thread-safe.
 */
final class AnyVoterQuorum implements QuorumVerifier {
    private final QuorumVerifier real;

    AnyVoterQuorum(QuorumVerifier real) {
        this.real = real;
    }

    @Override
    public boolean containsQuorum(Set<Long> serverIds) {
        return serverIds.stream().anyMatch(real.votingMembers()::contains);
    }

    @Override
    public Set<Long> votingMembers() {
        return real.votingMembers();
    }
}

package io.paddock.zab.runtime;

/**
 * Why a proposal's future failed. {@link #outcomeKnown()} tells a caller whether it may retry
 * blindly: a proposal refused before it reached the core never commits; one in flight when this
 * peer stopped leading may still commit under the next leader (as ZooKeeper's CONNECTIONLOSS).
 */
public final class ProposalException extends RuntimeException {
    private final boolean outcomeKnown;

    private ProposalException(String message, boolean outcomeKnown) {
        super(message);
        this.outcomeKnown = outcomeKnown;
    }

    /** Refused: it never reached the core and will never commit. */
    static ProposalException refused(String why) {
        return new ProposalException(why, true);
    }

    /** In flight when this peer stopped serving: it may or may not commit. */
    static ProposalException unknown(String why) {
        return new ProposalException(why, false);
    }

    /** True if the proposal certainly never commits. */
    public boolean outcomeKnown() {
        return outcomeKnown;
    }
}

package io.paddock.zab;

import io.paddock.zab.quorum.QuorumVerifier;
import java.util.Set;

/**
 * What one peer needs to know about itself and the ensemble, and its timing in ticks. The runtime
 * ticks the core at a fixed rate (for example tickTime / 10); every limit here counts those ticks.
 *
 * @param myId this peer's server id
 * @param quorum the voting members and what forms a quorum
 * @param observers the ids of the observers (never in {@code quorum.votingMembers()})
 * @param electionTimeoutTicks ticks without progress before a LOOKING peer re-sends its vote
 * @param finalizeWaitTicks ticks a peer waits for a better vote once a quorum agrees (ZooKeeper's
 *     200 ms finalizeWait)
 * @param initLimitTicks ticks allowed for discovery and synchronisation
 * @param syncLimitTicks ticks a leader or learner may go without hearing from the other
 * @param pingIntervalTicks ticks between the leader's heartbeats
 * @param maxCounter the highest zxid counter a leader uses before it moves to a new epoch (tests
 *     set it tiny to exercise the rollover)
 * @param maxDiffTxns the most txns a DIFF may carry; further behind gets a SNAP
 * @param mutations deliberately broken behaviours, tests only; empty in production
 */
public record PeerConfig(long myId, QuorumVerifier quorum, Set<Long> observers,
        int electionTimeoutTicks, int finalizeWaitTicks, int initLimitTicks, int syncLimitTicks,
        int pingIntervalTicks, long maxCounter, int maxDiffTxns, Set<Mutation> mutations) {

    /**
     * @throws IllegalArgumentException naming the field, if this peer is not a member, an observer
     *     votes, or a limit is out of range
     */
    public PeerConfig {
        observers = Set.copyOf(observers);
        mutations = Set.copyOf(mutations);
        if (!quorum.votingMembers().contains(myId) && !observers.contains(myId)) {
            throw new IllegalArgumentException("myId " + myId + " is neither a voting member "
                    + quorum.votingMembers() + " nor an observer " + observers);
        }
        for (long observer : observers) {
            if (quorum.votingMembers().contains(observer)) {
                throw new IllegalArgumentException("observer " + observer + " is also a voter");
            }
        }
        atLeast("electionTimeoutTicks", electionTimeoutTicks, 1);
        atLeast("finalizeWaitTicks", finalizeWaitTicks, 0);
        atLeast("initLimitTicks", initLimitTicks, 1);
        atLeast("syncLimitTicks", syncLimitTicks, 1);
        atLeast("pingIntervalTicks", pingIntervalTicks, 1);
        atLeast("maxCounter", maxCounter, 2);
        atLeast("maxDiffTxns", maxDiffTxns, 0);
        if (maxCounter > Zxids.MAX_PART) {
            throw new IllegalArgumentException("maxCounter " + maxCounter + " above " + Zxids.MAX_PART);
        }
    }

    private static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    /** Defaults for a peer ticked ten times per ZooKeeper tick with initLimit 10, syncLimit 5. */
    public static PeerConfig defaults(long myId, QuorumVerifier quorum, Set<Long> observers) {
        return new PeerConfig(myId, quorum, observers, 10, 2, 100, 50, 5, Zxids.MAX_PART - 1,
                100_000, Set.of());
    }

    /** Whether this peer is an observer. */
    public boolean isObserver() {
        return observers.contains(myId);
    }
}

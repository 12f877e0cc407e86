package io.paddock.zab.sim;

import io.paddock.zab.Proposal;
import io.paddock.zab.Zxids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the whole run has seen, across crashes: every proposal made, the one delivered sequence
 * every peer's state machine must be a prefix of (extended by whichever peer delivers first at
 * an index), and who led and who broadcast in each epoch. The checkers read it; {@link Checkers}
 * updates it after they have looked.
 *
 * <p>Not thread-safe: driven by the simulator's single thread.
 */
public final class History {

    /** A peer in one of its lives. */
    record Life(long peer, int incarnation) {
    }

    private final Map<Long, Proposal> proposed = new HashMap<>();
    private final ArrayList<Proposal> delivered = new ArrayList<>();
    private final TreeMap<Long, Life> leaders = new TreeMap<>();
    private final TreeMap<Long, Life> broadcasters = new TreeMap<>();

    /** The proposal made with {@code zxid}, or null. */
    public Proposal proposal(long zxid) {
        return proposed.get(zxid);
    }

    public int proposalCount() {
        return proposed.size();
    }

    /** Everything delivered by anyone, in delivery order. */
    public List<Proposal> delivered() {
        return delivered;
    }

    public long lastDelivered() {
        return delivered.isEmpty() ? 0 : delivered.get(delivered.size() - 1).zxid();
    }

    /** How many delivered txns have an epoch below {@code epoch} (they come first). */
    int countBelowEpoch(long epoch) {
        int lo = 0;
        int hi = delivered.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Zxids.epoch(delivered.get(mid).zxid()) < epoch) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The established leader of {@code epoch}, or null. */
    Life leaderOf(long epoch) {
        return leaders.get(epoch);
    }

    /** Epochs above {@code epoch} in which a leader broadcast, with who did. */
    NavigableMap<Long, Life> broadcastsAbove(long epoch) {
        return broadcasters.tailMap(epoch, false);
    }

    void recordProposal(SimPeer leader, Proposal proposal) {
        proposed.put(proposal.zxid(), proposal);
        broadcasters.putIfAbsent(Zxids.epoch(proposal.zxid()), new Life(leader.id(), leader.incarnation()));
    }

    void recordLeader(long epoch, SimPeer leader) {
        leaders.putIfAbsent(epoch, new Life(leader.id(), leader.incarnation()));
    }

    void recordDelivery(Proposal proposal, int index) {
        if (index == delivered.size()) {
            delivered.add(proposal);
        }
    }
}

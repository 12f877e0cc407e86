package io.paddock.server.ensemble;

import io.paddock.server.admin.PeerView;
import io.paddock.zab.LearnerStatus;
import io.paddock.zab.RoleChange;
import io.paddock.zab.Zxids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * [ensemble] What operators see of a member of an ensemble: its role and ZooKeeper's peer
 * state, its epoch and zxids, and on the leader each learner with its lag, and mntr's quorum
 * keys. Thread-safe: reads the peer's live values.
 */
public final class PeerStatus implements PeerView {
    private final EnsemblePeer peer;

    PeerStatus(EnsemblePeer peer) {
        this.peer = peer;
    }

    @Override
    public String role() {
        String mode = peer.mode();
        return mode == null ? "looking" : mode;
    }

    @Override
    public long epoch() {
        return peer.roleChange().epoch();
    }

    @Override
    public long lastLoggedZxid() {
        return peer.runtime().lastLogged();
    }

    @Override
    public long lastAppliedZxid() {
        return peer.runtime().lastApplied();
    }

    @Override
    public List<String> learners() {
        long last = peer.runtime().lastLogged();
        return peer.runtime().learners().stream().map(l -> "server." + l.id() + " "
                + (l.observer() ? "observer" : "follower") + (l.synced() ? " synced" : " syncing")
                + (l.observer() ? "" : ", acked 0x" + Long.toHexString(l.lastAckedZxid())
                        + lag(last, l.lastAckedZxid()))
                + ", last heard at tick " + l.lastHeardTick()).toList();
    }

    /** How many txns a learner's acks trail this leader's log, when both are in one epoch. */
    private static String lag(long leaderLast, long acked) {
        if (Zxids.epoch(leaderLast) != Zxids.epoch(acked)) {
            return "";
        }
        return " (" + Math.max(0, leaderLast - acked) + " txns behind)";
    }

    /** ZooKeeper's detailed peer state, e.g. {@code following - broadcast}. */
    @Override
    public String peerState() {
        RoleChange r = peer.roleChange();
        return r.role().name().toLowerCase() + " - " + r.phase().name().toLowerCase();
    }

    /** ZooKeeper's mntr keys of a quorum member (the leader's learner counts among them). */
    public Map<String, Object> monitorValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peer_state", peerState());
        m.put("quorum_size", peer.config().participantIds().size());
        if (peer.leads()) {
            List<LearnerStatus> learners = peer.runtime().learners();
            long synced = learners.stream().filter(l -> l.synced() && !l.observer()).count();
            long observers = learners.stream().filter(l -> l.synced() && l.observer()).count();
            m.put("learners", learners.size());
            m.put("followers", learners.size()); // the pre-3.6 name some dashboards still read
            m.put("synced_followers", synced);
            m.put("synced_non_voting_followers", 0);
            m.put("synced_observers", observers);
            m.put("pending_syncs", peer.pipeline().commitQueue().pendingSyncs());
            m.put("leader_uptime", peer.leadingMillis());
        }
        return m;
    }
}

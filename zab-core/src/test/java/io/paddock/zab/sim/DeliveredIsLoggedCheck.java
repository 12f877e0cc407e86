package io.paddock.zab.sim;

import io.paddock.zab.Proposal;

/**
 * No holes: whatever a peer delivered is in its log or its snapshot, so a restart can bring it back
 * (ZOOKEEPER-4882, ZOOKEEPER-4925); in particular a TRUNC never removes a delivered txn.
 */
final class DeliveredIsLoggedCheck implements Check {

    @Override
    public void onDeliver(SimPeer peer, Proposal proposal, int index) {
        SimDisk disk = peer.disk();
        if (proposal.zxid() > disk.snapshotZxid() && !disk.holds(proposal.zxid())) {
            throw new SafetyViolation("DeliveredIsLoggedCheck", "peer " + peer.id() + " delivers "
                    + Fmt.z(proposal.zxid()) + ", which is neither in its log nor its snapshot ("
                    + disk.describe() + ")");
        }
    }

    @Override
    public void onTruncate(SimPeer peer, long zxid) {
        long keep = Math.max(zxid, peer.disk().snapshotZxid());
        if (peer.lastDelivered() > keep) {
            throw new SafetyViolation("DeliveredIsLoggedCheck", "peer " + peer.id() + " truncates its log after "
                    + Fmt.z(zxid) + " but delivered up to " + Fmt.z(peer.lastDelivered()));
        }
    }
}

package io.paddock.zab.sim;

import io.paddock.zab.Proposal;

/**
 * No holes: whatever a peer delivers is already in its durable log or its snapshot, so a restart
 * brings it back (ZOOKEEPER-4882, ZOOKEEPER-4925; the Ready contract: toCommit holds only txns
 * reported durable); in particular a TRUNC never removes a delivered txn.
 */
final class DeliveredIsLoggedCheck implements Check {

    @Override
    public void onDeliver(SimPeer peer, Proposal proposal, int index) {
        SimDisk disk = peer.disk();
        long zxid = proposal.zxid();
        if (zxid > disk.snapshotZxid() && !(disk.holds(zxid) && zxid <= disk.lastDurable())) {
            throw new SafetyViolation("DeliveredIsLoggedCheck", "peer " + peer.id() + " delivers "
                    + Fmt.z(zxid) + ", which is neither in its durable log nor its snapshot ("
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

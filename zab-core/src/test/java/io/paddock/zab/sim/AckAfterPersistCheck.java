package io.paddock.zab.sim;

import io.paddock.zab.EpochState;
import io.paddock.zab.message.Ack;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.PeerMessage;

/**
 * Durable before acknowledged (the Zab paper's "a follower acknowledges a proposal once it is
 * recorded on stable storage"; ZOOKEEPER-3911, 4646, 4785 and 4643 broke it):
 * <ul>
 *   <li>ACK(z) only once everything up to z is durable;</li>
 *   <li>ACKEPOCH(e) only once acceptedEpoch &gt;= e is durable;</li>
 *   <li>ACKLD(e) only once currentEpoch  *   <li>ACKLD(e) only once currentEpoch = e is durable and so isgt;= e is durable and so is the leader's initial history up
 *       to the NEWLEADER's zxid;</li>
 *   <li>and currentEpoch moves to e only once that initial history is durable (ZOOKEEPER-4643).</li>
 * </ul>
 */
final class AckAfterPersistCheck implements Check {

    @Override
    public void onSend(SimPeer peer, PeerMessage message) {
        SimDisk disk = peer.disk();
        if (message instanceof Ack ack && !disk.durablyCovers(ack.zxid())) {
            throw violation(peer, message, "its log is durable only up to " + Fmt.z(disk.lastDurable()));
        } else if (message instanceof AckEpoch ackEpoch && disk.epochs().acceptedEpoch() < ackEpoch.epoch()) {
            throw violation(peer, message, "its durable acceptedEpoch is " + disk.epochs().acceptedEpoch());
        } else if (message instanceof AckLd ackLd) {
            if (disk.epochs().currentEpoch() < ackLd.epoch()) {
                throw violation(peer, message, "its durable currentEpoch is " + disk.epochs().currentEpoch());
            }
            long history = peer.newLeaderZxid(ackLd.epoch());
            if (history > 0 && !disk.durablyCovers(history)) {
                throw violation(peer, message, "the initial history up to " + Fmt.z(history)
                        + " is durable only up to " + Fmt.z(Math.max(disk.lastDurable(), disk.snapshotZxid())));
            }
        }
    }

    @Override
    public void onEpochs(SimPeer peer, EpochState next) {
        if (next.currentEpoch() <= peer.disk().epochs().currentEpoch()) {
            return;
        }
        long history = peer.newLeaderZxid(next.currentEpoch());
        if (history > 0 && !peer.disk().durablyCovers(history)) {
            throw new SafetyViolation("AckAfterPersistCheck", "peer " + peer.id() + " makes currentEpoch "
                    + next.currentEpoch() + " durable before the initial history up to " + Fmt.z(history)
                    + " (durable only up to " + Fmt.z(Math.max(peer.disk().lastDurable(),
                    peer.disk().snapshotZxid())) + ")");
        }
    }

    private static SafetyViolation violation(SimPeer peer, PeerMessage message, String why) {
        return new SafetyViolation("AckAfterPersistCheck", "peer " + peer.id() + " sends " + Fmt.message(message)
                + " but " + why);
    }
}

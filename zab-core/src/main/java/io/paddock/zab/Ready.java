package io.paddock.zab;

import io.paddock.zab.message.PeerMessage;
import java.util.List;

/**
 * Everything the runtime must do after feeding the core an input, in this order:
 * <ol>
 *   <li>if {@code truncateAfter >= 0}, remove every logged txn above it (durably);</li>
 *   <li>if {@code epochs} is not null, write it durably (before sending any message: ACKEPOCH and
 *       ACKLD promise what it records);</li>
 *   <li>if {@code snapshotToLoad >= 0}, install the snapshot that came with the SNAP message (it
 *       replaces the state and the log), durably, then call {@link ZabPeer#snapshotInstalled}
 *       before feeding the core any further message;</li>
 *   <li>append {@code toPersist} to the log, in order; report durability later through
 *       {@link ZabPeer#persisted(long)} (the core sends ACKs itself once told);</li>
 *   <li>send {@code messages}, in order (per destination FIFO);</li>
 *   <li>apply {@code toCommit} to the state machine, in zxid order;</li>
 *   <li>act on {@code roleChange} if not null.</li>
 * </ol>
 * Then call {@link ZabPeer#advance()}. Modelled on etcd raft's {@code Ready}.
 *
 * <p>The core already reconciled what this fixed order would otherwise get wrong: a truncation
 * leaves no appended txn above it in {@code toPersist}, and a Ready with a snapshot to load has no
 * {@code toCommit} (the snapshot holds those txns) and only txns after the snapshot to persist.
 * A SNAP message among {@code messages} stands for the sender's state with every txn delivered in
 * the Readies handed over before this one (not this one's {@code toCommit}, applied after sending).
 * {@code toCommit} holds only txns this peer reported durable, so after a crash everything it
 * applied is in its log.
 *
 * @param truncateAfter the zxid to truncate the log after, or -1
 * @param epochs the epochs to make durable, or null if unchanged
 * @param snapshotToLoad the zxid of the snapshot to install, or -1
 * @param toPersist txns to append to the log
 * @param messages messages to send
 * @param toCommit committed txns to deliver, in zxid order, each exactly once
 * @param roleChange the new role and phase, or null if unchanged
 */
public record Ready(long truncateAfter, EpochState epochs, long snapshotToLoad,
        List<Proposal> toPersist, List<PeerMessage> messages, List<Proposal> toCommit,
        RoleChange roleChange) {

    /** Nothing to do. */
    public static final Ready EMPTY = new Ready(-1, null, -1, List.of(), List.of(), List.of(), null);

    public Ready {
        toPersist = List.copyOf(toPersist);
        messages = List.copyOf(messages);
        toCommit = List.copyOf(toCommit);
    }

    public boolean isEmpty() {
        return truncateAfter < 0 && epochs == null && snapshotToLoad < 0 && toPersist.isEmpty()
                && messages.isEmpty() && toCommit.isEmpty() && roleChange == null;
    }
}

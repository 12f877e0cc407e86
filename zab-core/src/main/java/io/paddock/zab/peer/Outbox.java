package io.paddock.zab.peer;

import io.paddock.zab.EpochState;
import io.paddock.zab.Proposal;
import io.paddock.zab.Ready;
import io.paddock.zab.RoleChange;
import io.paddock.zab.message.PeerMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what the runtime must do until the next {@link io.paddock.zab.ZabPeer#ready()}.
 *
 * <p>The runtime performs a Ready in a fixed order (truncate, epochs, snapshot, persist, send,
 * apply), whatever order the core produced its parts in. So parts that the fixed order would
 * apply in the wrong order are reconciled here: a truncation drops the not yet handed over appends
 * above it, and a snapshot drops the appends and the deliveries it replaces.
 *
 * <p>Not thread-safe: owned by one {@link io.paddock.zab.ZabPeer}.
 */
public final class Outbox {
    private long truncateAfter = -1;
    private EpochState epochs;
    private long snapshotToLoad = -1;
    private List<Proposal> toPersist = new ArrayList<>();
    private List<PeerMessage> messages = new ArrayList<>();
    private List<Proposal> toCommit = new ArrayList<>();
    private RoleChange roleChange;

    /** The log must lose every txn above {@code zxid}, before anything appended after this call. */
    public void truncate(long zxid) {
        toPersist.removeIf(p -> p.zxid() > zxid);
        truncateAfter = truncateAfter < 0 ? zxid : Math.min(truncateAfter, zxid);
    }

    public void epochs(EpochState state) {
        epochs = state;
    }

    /** The state and log are replaced by a snapshot at {@code zxid}; earlier appends are moot. */
    public void snapshot(long zxid) {
        toPersist.clear();
        toCommit.clear();
        snapshotToLoad = zxid;
    }

    public void persist(Proposal proposal) {
        toPersist.add(proposal);
    }

    public void send(PeerMessage message) {
        messages.add(message);
    }

    public void commit(Proposal proposal) {
        toCommit.add(proposal);
    }

    public void roleChange(RoleChange change) {
        roleChange = change;
    }

    public boolean isEmpty() {
        return truncateAfter < 0 && epochs == null && snapshotToLoad < 0 && toPersist.isEmpty()
                && messages.isEmpty() && toCommit.isEmpty() && roleChange == null;
    }

    /** Everything collected so far, as one Ready; the outbox is empty afterwards. */
    public Ready drain() {
        if (isEmpty()) {
            return Ready.EMPTY;
        }
        Ready ready = new Ready(truncateAfter, epochs, snapshotToLoad, toPersist, messages, toCommit,
                roleChange);
        truncateAfter = -1;
        epochs = null;
        snapshotToLoad = -1;
        toPersist = new ArrayList<>();
        messages = new ArrayList<>();
        toCommit = new ArrayList<>();
        roleChange = null;
        return ready;
    }
}

package io.paddock.zab;

import java.util.List;

/**
 * What the core may read of its own peer's log: the txns the runtime has made durable (reported
 * through {@link ZabPeer#persisted(long)}) or recovered at start. Owned by the core, implemented
 * by the runtime over storage's in-memory tier and log (as etcd's raft package owns
 * {@code Storage}), so the pure packages never import storage.
 *
 * <p>Calls must be cheap and must not block on anything but memory or a local read; they are made
 * from the core's single driving thread.
 */
public interface LogView {

    /** The zxid of the last durable txn, or 0 if the log holds none. */
    long lastLogged();

    /**
     * The largest durable zxid that is {@code <= zxid}, or 0 if there is none or it is older than
     * what the log still holds (then only a snapshot can bring a peer there).
     */
    long floor(long zxid);

    /**
     * Up to {@code max} durable txns after {@code zxidExclusive}, in zxid order; or {@code null} if
     * the log no longer holds every txn after {@code zxidExclusive} (it was compacted behind a
     * snapshot), so a peer that far behind needs a SNAP.
     */
    List<Proposal> readAfter(long zxidExclusive, int max);
}

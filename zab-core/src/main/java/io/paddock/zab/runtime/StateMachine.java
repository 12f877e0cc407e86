package io.paddock.zab.runtime;

import io.paddock.zab.Proposal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What the replicated log is applied to (the server's data tree). {@link ZabRuntime} calls every
 * method on its driver thread, one at a time, so an implementation needs no locking against the
 * runtime; anything it hands to other threads (a commit ring) is its own business. No method may
 * wait for other peers.
 */
public interface StateMachine {

    /**
     * The zxid of the last txn the state holds as recovered at start (its snapshot's zxid, or 0 for
     * an empty state). Called once, before the runtime starts: the core redelivers every logged txn
     * above it once it knows it committed.
     */
    long lastApplied();

    /** Applies a committed txn. Called in zxid order, each txn once. */
    void apply(Proposal proposal);

    /**
     * Writes the state as it is now, at the last applied txn, to {@code out}. The runtime calls it
     * on the leader to answer a SNAP, between two Readies, so the state holds exactly the txns the
     * SNAP stands for.
     *
     * @return the zxid of the last txn the snapshot holds
     */
    long snapshot(OutputStream out) throws IOException;

    /**
     * Whether {@link #snapshotFrom} may be used instead of {@link #snapshot}: the runtime then
     * serialises a SNAP's state off the driver thread, so the leader's commits go on meanwhile.
     */
    default boolean fuzzySnapshots() {
        return false;
    }

    /**
     * A fuzzy snapshot, called on a thread of its own while the driver goes on applying: writes
     * a state holding every txn up to {@code zxid} and perhaps some after it, which the learner
     * replays anyway after installing it (the state machine's txns must be idempotent, as a
     * ZooKeeper tree's are). The stream must say it stands for {@code zxid}: {@link #install}
     * on the learner returns {@code zxid}.
     */
    default void snapshotFrom(long zxid, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("no fuzzy snapshots");
    }

    /**
     * Replaces the whole state with the snapshot in {@code in} (written by {@link #snapshot} on
     * another peer), durably: after a crash the state machine recovers at least this snapshot
     * ({@link #lastApplied()} at least its zxid). The runtime empties the txn log afterwards.
     *
     * @return the zxid of the last txn the snapshot holds
     * @throws IOException if the snapshot cannot be read or made durable; the runtime then stops
     */
    long install(InputStream in) throws IOException;
}

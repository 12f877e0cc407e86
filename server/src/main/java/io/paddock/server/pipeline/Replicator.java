package io.paddock.server.pipeline;

import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.zab.Proposal;
import java.util.List;

/**
 * [ensemble] Where the request ring's last stage sends what it cannot decide alone: the serving
 * leader's txns go to ZAB, a learner's writes and syncs go to the leader, and the leader answers
 * what it cannot turn into a txn for a learner. Implemented over the ZAB runtime.
 *
 * <p>Called on the request ring's replicate thread; no method blocks on the network.
 */
public interface Replicator {

    /** Whether this server leads and serves now: it prepares and proposes txns itself. */
    boolean leads();

    /** The leader proposes a prepared txn; zxids come in order. */
    void propose(Proposal proposal);

    /**
     * A learner hands a client's write or sync to the leader; called under the
     * {@link CommitQueue}'s lock.
     *
     * @param resend whether it went out in an earlier serving period already (the leader may
     *     have taken it then)
     * @return the serving period it was sent in, or -1 if there is no leader to send it to
     */
    long forward(long sessionId, int xid, int opCode, Record request, List<Id> authInfo,
            boolean resend);

    /**
     * The leader tells a learner that its sync may be answered once the learner has applied
     * every txn the leader had prepared when it saw the sync.
     */
    void syncDone(long learner, long sessionId, int xid);

    /**
     * On the leader, before a write of {@code sessionId} that came through server {@code via}
     * (0: this one) is prepared: records where a new session lives (a createSession), and says
     * whether the session has moved to another server since (ZooKeeper's SESSIONMOVED).
     */
    default boolean sessionMoved(long sessionId, long via, int opCode) {
        return false;
    }

    /** The leader tells a learner that its forwarded write failed before becoming a txn. */
    void failed(long learner, long sessionId, int xid, ErrorCode error);
}

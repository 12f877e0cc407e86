package io.paddock.zab.sync;

import io.paddock.zab.Invariants;
import io.paddock.zab.Proposal;
import io.paddock.zab.message.Commit;
import io.paddock.zab.message.Diff;
import io.paddock.zab.message.NewLeader;
import io.paddock.zab.message.Propose;
import io.paddock.zab.message.Snap;
import io.paddock.zab.message.Trunc;
import io.paddock.zab.peer.History;
import io.paddock.zab.peer.LearnerHandle;
import io.paddock.zab.peer.LearnerHandle.Stage;
import io.paddock.zab.peer.PeerContext;
import java.util.List;

/**
 * Sends one learner its sync stream: the DIFF, TRUNC or SNAP marker, then every txn of the leader's
 * history after the plan's zxid as PROPOSE (each followed by COMMIT when the leader knows it
 * committed), then NEWLEADER with the history's last zxid. The history includes the leader's
 * in-flight proposals, so a learner syncing while the leader broadcasts gets them too (Zab.tla
 * issue 1), and every later PROPOSE and COMMIT from then on.
 *
 * <p>Not thread-safe: called from a leader state.
 */
public final class SyncStream {
    private static final int READ_CHUNK = 1024;

    private SyncStream() {
    }

    /** Streams to {@code handle}, whose ACKEPOCH gave its last zxid; NEWLEADER names {@code epoch}. */
    public static SyncPlan send(PeerContext ctx, LearnerHandle handle, long epoch) {
        History history = ctx.history();
        SyncPlan plan = SyncPlanner.plan(history, handle.ackLastZxid(),
                ctx.config().maxDiffTxns(), history.handedOver());
        long me = ctx.myId();
        long to = handle.id();
        switch (plan.kind()) {
            case DIFF -> ctx.send(new Diff(me, to, history.last()));
            case TRUNC -> ctx.send(new Trunc(me, to, plan.zxid()));
            case SNAP -> ctx.send(new Snap(me, to, plan.zxid()));
            default -> throw new IllegalStateException("unknown plan " + plan);
        }
        long previous = plan.zxid();
        long committed = history.committed();
        while (previous < history.last()) {
            List<Proposal> chunk = history.readAfter(previous, READ_CHUNK);
            Invariants.check(chunk != null && !chunk.isEmpty(), "the history after "
                    + Long.toHexString(previous) + " is readable for a sync stream " + plan
                    + " to peer " + to + " (history ends at " + Long.toHexString(history.last())
                    + ", read " + (chunk == null ? "null" : "nothing") + ")");
            for (Proposal proposal : chunk) {
                ctx.send(new Propose(me, to, proposal, previous));
                if (proposal.zxid() <= committed) {
                    ctx.send(new Commit(me, to, proposal.zxid()));
                }
                previous = proposal.zxid();
            }
        }
        ctx.send(new NewLeader(me, to, epoch, history.last()));
        handle.newLeaderZxid(history.last());
        handle.stage(Stage.SYNCING);
        return plan;
    }
}

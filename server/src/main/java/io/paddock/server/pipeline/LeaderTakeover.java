package io.paddock.server.pipeline;

import java.util.function.Consumer;

/**
 * [ensemble] A server's move to leadership as its request ring sees it, so that a leader change
 * closes no connection of the new leader's own clients.
 *
 * <p>Until the takeover marker ({@link RequestEvent#TAKEOVER}, published once the server
 * leads) reaches the prepare stage, a client's request passes it unprepared, as on a learner,
 * and the replicate stage holds it in the {@link CommitQueue}. At the marker (both stages run
 * on one thread, {@link PrepareAndReplicate}, so every one of those is held by then), the
 * requests held since before this server led
 * (sent to the old leader and never committed, or never sent) are prepared and proposed here,
 * session by session in the order they came, before any request behind the marker is prepared.
 * ZAB makes that safe: a write the old leader committed is in this leader's history and was
 * answered while it caught up; one that is not never will be committed.
 *
 * <p>A learner's forward, and the server's own expiries, are prepared as soon as the server
 * leads: the learner keeps its sessions' order, and an expiry is not to be lost.
 *
 * <p>Runs on the request ring's consumer thread only.
 */
final class LeaderTakeover {
    private final Replicator replicator;
    private final CommitQueue queue;
    private boolean takenOver;

    LeaderTakeover(Replicator replicator, CommitQueue queue) {
        this.replicator = replicator;
        this.queue = queue;
    }

    /** Whether the prepare stage makes a txn of {@code e} (if it is a write). */
    boolean prepares(RequestEvent e) {
        boolean leading = replicator.leads();
        if (!leading) {
            takenOver = false;
        }
        return leading && (takenOver || e.forwardedFrom != 0 || e.internal);
    }

    /** The marker: prepares ({@code prepare}) and proposes the held requests. */
    void marker(Consumer<RequestEvent> prepare) {
        if (!replicator.leads()) {
            takenOver = false; // led briefly; the next marker takes over
            return;
        }
        queue.takeOver(prepare, e -> replicator.propose(ReplicateHandler.proposal(e)));
        takenOver = true;
    }
}

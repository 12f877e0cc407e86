package io.paddock.server.pipeline;

import com.lmax.disruptor.Sequence;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * [ensemble] A server's move to leadership as its request ring sees it, so that a leader change
 * closes no connection of the new leader's own clients.
 *
 * <p>Until the takeover marker ({@link RequestEvent#TAKEOVER}, published once the server
 * leads) reaches the prepare stage, a client's request passes it unprepared, as on a learner,
 * and the replicate stage holds it in the {@link CommitQueue}. At the marker, once the
 * replicate stage has held every one of those, the requests held since before this server led
 * (sent to the old leader and never committed, or never sent) are prepared and proposed here,
 * session by session in the order they came, before any request behind the marker is prepared.
 * ZAB makes that safe: a write the old leader committed is in this leader's history and was
 * answered while it caught up; one that is not never will be committed.
 *
 * <p>A learner's forward, and the server's own expiries, are prepared as soon as the server
 * leads: the learner keeps its sessions' order, and an expiry is not to be lost.
 *
 * <p>Runs on the request ring's prepare thread only.
 */
final class LeaderTakeover {
    private static final long WAIT_NANOS = 20_000;

    private final Replicator replicator;
    private final CommitQueue queue;
    private final LongSupplier replicated;
    private final FailStop failStop;
    private Sequence prepared;
    private boolean takenOver;

    /**
     * @param replicated how far the replicate stage has gone in the request ring
     */
    LeaderTakeover(Replicator replicator, CommitQueue queue, LongSupplier replicated,
            FailStop failStop) {
        this.replicator = replicator;
        this.queue = queue;
        this.replicated = replicated;
        this.failStop = failStop;
    }

    /** The prepare stage's own sequence, to let the replicate stage up to the marker. */
    void prepareSequence(Sequence sequence) {
        this.prepared = sequence;
    }

    /** Whether the prepare stage makes a txn of {@code e} (if it is a write). */
    boolean prepares(RequestEvent e) {
        boolean leading = replicator.leads();
        if (!leading) {
            takenOver = false;
        }
        return leading && (takenOver || e.forwardedFrom != 0 || e.internal);
    }

    /**
     * The marker at {@code sequence}: waits until the replicate stage has held every request
     * before it, then prepares ({@code prepare}) and proposes the held ones.
     */
    void marker(long sequence, Consumer<RequestEvent> prepare) {
        if (!replicator.leads()) {
            takenOver = false; // led briefly; the next marker takes over
            return;
        }
        prepared.set(sequence - 1);
        while (replicated.getAsLong() < sequence - 1 && !failStop.stopped()) {
            LockSupport.parkNanos(WAIT_NANOS); // once per leader change, for a few batches
        }
        queue.takeOver(prepare, e -> replicator.propose(ReplicateHandler.proposal(e)));
        takenOver = true;
    }
}

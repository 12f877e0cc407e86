package io.paddock.server.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.op.OpCode;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * How a connection's requests enter the rings without ever blocking its I/O thread. A request
 * is published with {@code tryPublishEvent}; when its ring is full the connection stops reading
 * (autoRead off), keeps that request and every later one in its {@link RequestBacklog}, and
 * registers with {@link PausedConnections}. When a ring has drained to its low-water mark the
 * connection's I/O thread publishes the backlog, oldest first, and reads again: nothing read is
 * lost or reordered.
 *
 * <p>With globalOutstandingLimit set, the rings together hold at most that many client
 * requests: a request that finds them at the limit waits in the backlog the same way, and the
 * paused connections resume once the rings hold half of it.
 *
 * <p>A read of a connection with no request in the request ring goes straight to the commit
 * ring; every other request takes the request ring and is counted in the connection's
 * {@link WriteFence} until applied.
 *
 * <p>Threading: {@link #submit}, {@link #resume} and {@link #forget} for one connection run on
 * that connection's I/O thread only.
 */
final class RingAdmission {
    private final RingBuffer<RequestEvent> requestRing;
    private final RingBuffer<RequestEvent> commitRing;
    private final PausedConnections paused;
    private final int outstandingLimit;

    RingAdmission(RingBuffer<RequestEvent> requestRing, RingBuffer<RequestEvent> commitRing,
            int ringSize) {
        this(requestRing, commitRing, ringSize, 0);
    }

    /**
     * @param outstandingLimit globalOutstandingLimit: with the rings together holding this many
     *     requests, a connection's next request waits as if its ring were full; 0 for no limit
     */
    RingAdmission(RingBuffer<RequestEvent> requestRing, RingBuffer<RequestEvent> commitRing,
            int ringSize, int outstandingLimit) {
        this.requestRing = requestRing;
        this.commitRing = commitRing;
        this.outstandingLimit = outstandingLimit;
        this.paused = new PausedConnections(this::resume, ringSize, this::outstanding,
                outstandingLimit);
    }

    /** Requests in both rings: taken slots, published but not yet released by a last stage. */
    long outstanding() {
        return depth(requestRing) + depth(commitRing);
    }

    private static long depth(RingBuffer<RequestEvent> ring) {
        return ring.getBufferSize() - ring.remainingCapacity();
    }

    PausedConnections paused() {
        return paused;
    }

    void submit(ClientChannel c, long sessionId, int xid, int opCode, Record request,
            List<Id> authInfo, boolean readOnlyClient) {
        RequestBacklog backlog = c.backlog();
        long now = System.nanoTime();
        if (backlog.isEmpty() && tryPublish(c, sessionId, xid, opCode, request, authInfo,
                readOnlyClient, now)) {
            return;
        }
        boolean wasEmpty = backlog.isEmpty();
        backlog.add(new RequestBacklog.Waiting(sessionId, xid, opCode, request, authInfo,
                readOnlyClient, now));
        if (wasEmpty) {
            c.setReading(false);
            paused.paused(c);
            resume(c);
        }
    }

    /** Publishes the backlog in order while there is room; reads again once it is all in. */
    void resume(ClientChannel c) {
        RequestBacklog backlog = c.backlog();
        while (!backlog.isEmpty()) {
            if (!tryPublish(c, backlog.peek())) {
                paused.waitForRoom(c);
                // Registered before looking again: a stage that frees slots after this look
                // finds us registered (see PausedConnections).
                VarHandle.fullFence();
                if (!tryPublish(c, backlog.peek())) {
                    return;
                }
                paused.forget(c);
            }
            backlog.remove();
        }
        c.setReading(true);
    }

    /** The connection closed: its backlog goes, as if it had never been read. */
    void forget(ClientChannel c) {
        paused.forget(c);
        c.backlog().clear();
    }

    private boolean tryPublish(ClientChannel c, RequestBacklog.Waiting w) {
        return tryPublish(c, w.sessionId(), w.xid(), w.opCode(), w.request(), w.authInfo(),
                w.readOnlyClient(), w.receivedNanos());
    }

    private boolean tryPublish(ClientChannel c, long sessionId, int xid, int opCode,
            Record request, List<Id> authInfo, boolean readOnlyClient, long receivedNanos) {
        if (outstandingLimit > 0 && outstanding() >= outstandingLimit) {
            return false; // globalOutstandingLimit: wait, as for a full ring
        }
        if (opCode == OpCode.CREATE_SESSION) {
            return requestRing.tryPublishEvent((e, seq) -> {
                e.set(c, sessionId, xid, opCode, request, authInfo, receivedNanos);
                e.readOnlyClient = readOnlyClient;
            });
        }
        WriteFence fence = c.writeFence();
        // A sync takes the long way: on an ensemble it goes to the leader.
        if (!OpCode.isWrite(opCode) && opCode != OpCode.SYNC && fence.clear()) {
            return commitRing.tryPublishEvent((e, seq) ->
                    e.set(c, sessionId, xid, opCode, request, authInfo, receivedNanos));
        }
        // Everything that takes the long way is fenced, reads included: a later read must not
        // overtake an earlier read still in the request ring either. Counted before it is
        // published, since the apply thread may take it off the moment it is.
        fence.submitted();
        boolean published = requestRing.tryPublishEvent((e, seq) -> {
            e.set(c, sessionId, xid, opCode, request, authInfo, receivedNanos);
            e.fenced = true;
        });
        if (!published) {
            fence.withdrawn();
        }
        return published;
    }
}

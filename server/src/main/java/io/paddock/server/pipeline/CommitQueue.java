package io.paddock.server.pipeline;

import com.lmax.disruptor.RingBuffer;
import io.paddock.protocol.Id;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.session.Session;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * [ensemble] This server's clients' requests between the request ring and the commit ring,
 * waiting for the ensemble: the leader's own txns for their commit, a learner's forwarded
 * writes for the leader's txn to come back committed, a learner's syncs for the leader's answer,
 * and every request without a txn for everything before it, so each session's requests reach
 * the commit ring in the order it sent them.
 *
 * <p>Committed txns arrive from the ZAB runtime in zxid order ({@link #committed}). One that
 * is not the oldest request's (another server's client, an expiry) goes to the commit ring
 * bare, with no client to answer, except that a closeSession finds the session's connection
 * here so that connection learns its session ended.
 *
 * <p>Each serving period is a generation: when this server stops serving (a leader change),
 * {@link #reset} drops what is held, and a request held for an older generation is dropped too.
 *
 * <p>Thread-safe: the replicate thread holds, the ZAB driver thread commits, transport threads
 * answer syncs and failures; all under this object's lock. Publishing to a full commit ring
 * waits under the lock, which only the commit ring's own consumers can end, and they never take
 * it.
 */
public final class CommitQueue {
    /** What a held request waits for. */
    enum Wait { NOTHING, ZXID, SESSION_XID, SYNC }

    private final RingBuffer<RequestEvent> commitRing;
    private final SessionTracker sessions;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long applied;
    private int generation;

    CommitQueue(RingBuffer<RequestEvent> commitRing, SessionTracker sessions) {
        this.commitRing = commitRing;
        this.sessions = sessions;
    }

    /** The current serving period; read before forwarding, passed to {@link #hold}. */
    synchronized int generation() {
        return generation;
    }

    /** Holds a copy of {@code e} (publishes it at once if it waits for nothing and nothing waits). */
    synchronized void hold(RequestEvent e, Wait wait, int forGeneration) {
        if (forGeneration != generation) {
            return; // the server stopped serving since; its client's connection is closing
        }
        RequestEvent copy = new RequestEvent();
        copy.copyFrom(e);
        if (wait == Wait.NOTHING && held.isEmpty()) {
            publish(copy);
            return;
        }
        held.addLast(new Held(copy, wait));
    }

    /**
     * A committed txn, in zxid order, from the ZAB driver thread: the oldest request's if it
     * matches, otherwise applied bare.
     */
    public synchronized void committed(TxnHeader header, Txn txn) {
        applied = header.zxid();
        Held head = held.peekFirst();
        if (head != null && matches(head, header)) {
            held.removeFirst();
            head.event.header = header;
            head.event.txn = txn;
            publish(head.event);
        } else {
            publish(bare(header, txn));
        }
        releaseReady();
    }

    /** The leader answered a forwarded sync: release it once {@code leaderZxid} is applied here. */
    public synchronized void syncDone(long sessionId, int xid, long leaderZxid) {
        for (Held h : held) {
            if (h.wait == Wait.SYNC && h.syncAt < 0 && h.event.sessionId == sessionId
                    && h.event.xid == xid) {
                h.syncAt = leaderZxid;
                break;
            }
        }
        releaseReady();
    }

    /** The leader could not make a forwarded write a txn: answer it with {@code error}. */
    public synchronized void failed(long sessionId, int xid, ErrorCode error) {
        for (Iterator<Held> it = held.iterator(); it.hasNext();) {
            Held h = it.next();
            if (h.wait == Wait.SESSION_XID && h.event.sessionId == sessionId
                    && h.event.xid == xid) {
                h.event.error = error;
                h.failed = true;
                break;
            }
        }
        releaseReady();
    }

    /**
     * A new serving period starts (or serving stops) with {@code lastApplied} as the last
     * applied zxid: what was held is dropped; its clients' connections are being closed.
     */
    public synchronized void reset(long lastApplied) {
        generation++;
        held.clear();
        applied = lastApplied;
    }

    /** Requests held, for the pending-syncs and outstanding figures. */
    public synchronized int size() {
        return held.size();
    }

    private boolean matches(Held h, TxnHeader header) {
        return switch (h.wait) {
            case ZXID -> h.event.header.zxid() == header.zxid();
            case SESSION_XID -> !h.failed && h.event.sessionId == header.sessionId()
                    && h.event.xid == header.cxid();
            default -> false;
        };
    }

    private void releaseReady() {
        while (!held.isEmpty()) {
            Held h = held.peekFirst();
            boolean ready = h.wait == Wait.NOTHING || h.failed
                    || (h.wait == Wait.SYNC && h.syncAt >= 0 && applied >= h.syncAt);
            if (!ready) {
                return;
            }
            held.removeFirst();
            publish(h.event);
        }
    }

    private RequestEvent bare(TxnHeader header, Txn txn) {
        RequestEvent e = new RequestEvent();
        e.set(null, header.sessionId(), header.cxid(), header.type(), null, List.of(Id.ANYONE));
        e.header = header;
        e.txn = txn;
        e.internal = true;
        if (header.type() == OpCode.CLOSE_SESSION) {
            Session s = sessions.get(header.sessionId());
            if (s != null && s.connection() instanceof ClientChannel c) {
                e.channel = c; // told "session expired" and closed
            }
        }
        return e;
    }

    private void publish(RequestEvent e) {
        commitRing.publishEvent((slot, seq, from) -> slot.copyFrom(from), e);
    }

    private static final class Held {
        final RequestEvent event;
        final Wait wait;
        long syncAt = -1;
        boolean failed;

        Held(RequestEvent event, Wait wait) {
            this.event = event;
            this.wait = wait;
        }
    }
}

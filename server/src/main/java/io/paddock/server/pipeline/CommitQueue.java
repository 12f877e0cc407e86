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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * [ensemble] This server's clients' requests between the request ring and the commit ring while
 * they wait for the ensemble, one queue per session (as ZooKeeper's CommitProcessor keeps them):
 * the leader's own txns wait for their commit, a learner's forwarded writes for the leader's txn
 * to come back committed, a learner's syncs for the leader's answer, and a request without a txn
 * for the session's requests before it. So each session's requests reach the commit ring in the
 * order it sent them, and one session's wait never holds up another's.
 *
 * <p>Committed txns arrive in zxid order ({@link #committed}) and go to the commit ring at once,
 * which keeps the tree in zxid order: with the request they answer if it heads its session's
 * queue, bare otherwise (another server's client, an expiry). A bare closeSession takes the
 * session's connection along, so that connection learns its session ended.
 *
 * <p>Nothing is dropped when the server stops serving: on a learner's next serving period
 * {@link #resume} forwards again, in order, what the last leader never committed (ZAB
 * guarantees it never will, once this server has synced with a new leader).
 *
 * <p>Thread-safe: the replicate thread holds, the ZAB driver thread commits and resumes,
 * transport threads answer syncs and failures; all under this object's lock, which
 * forwarding also takes, so a resume and a new request's forward never interleave. Publishing to
 * a full commit ring waits under the lock, which only the commit ring's consumers can end, and
 * they never take it.
 */
public final class CommitQueue {
    /** What a held request waits for. */
    enum Wait { NOTHING, ZXID, SESSION_XID, SYNC }

    /** Sends a held request to the leader; under the queue's lock. */
    @FunctionalInterface
    public interface Forwarder {
        /** @return the serving period it went out in, or -1 if there is no leader to send to */
        long forward(long sessionId, int xid, int opCode, io.paddock.protocol.Record request,
                List<Id> authInfo, boolean resend);
    }

    private final RingBuffer<RequestEvent> commitRing;
    private final SessionTracker sessions;
    private final Map<Long, ArrayDeque<Held>> bySession = new HashMap<>();
    /** Sessions whose oldest request is a sync the leader answered, waiting for its zxid here. */
    private final Set<Long> syncsAnswered = new HashSet<>();
    private long applied;

    CommitQueue(RingBuffer<RequestEvent> commitRing, SessionTracker sessions) {
        this.commitRing = commitRing;
        this.sessions = sessions;
    }

    /**
     * Holds a copy of {@code e} behind its session's earlier requests (publishes it at once if
     * it waits for nothing and nothing of its session waits), and forwards it when it is for the
     * leader.
     */
    synchronized void hold(RequestEvent e, Wait wait, Forwarder forwarder) {
        ArrayDeque<Held> q = bySession.get(e.sessionId);
        RequestEvent copy = new RequestEvent();
        copy.copyFrom(e);
        if (wait == Wait.NOTHING && (q == null || q.isEmpty())) {
            publish(copy);
            return;
        }
        if (q == null) {
            q = new ArrayDeque<>();
            bySession.put(e.sessionId, q);
        }
        Held h = new Held(copy, wait);
        q.addLast(h);
        if (wait == Wait.SESSION_XID || wait == Wait.SYNC) {
            h.forwardedIn = forwarder.forward(copy.sessionId, copy.xid, copy.opCode, copy.request,
                    copy.authInfo, false);
        }
    }

    /** A committed txn, in zxid order, from the ZAB driver thread. */
    public synchronized void committed(TxnHeader header, Txn txn) {
        applied = header.zxid();
        long session = header.sessionId();
        ArrayDeque<Held> q = bySession.get(session);
        Held head = q == null ? null : q.peekFirst();
        if (head != null && matches(head, header)) {
            q.removeFirst();
            head.event.header = header;
            head.event.txn = txn;
            publish(head.event);
            release(session, q);
        } else {
            publish(bare(header, txn));
        }
        if (header.type() == OpCode.CLOSE_SESSION && q != null) {
            bySession.remove(session); // what is left was sent after the close; it has no session
            syncsAnswered.remove(session);
        }
        if (!syncsAnswered.isEmpty()) {
            for (Long s : List.copyOf(syncsAnswered)) {
                release(s, bySession.get(s));
            }
        }
    }

    /** The leader answered a forwarded sync: release it once {@code leaderZxid} is applied here. */
    public synchronized void syncDone(long sessionId, int xid, long leaderZxid) {
        ArrayDeque<Held> q = bySession.get(sessionId);
        if (q == null) {
            return;
        }
        for (Held h : q) {
            if (h.wait == Wait.SYNC && h.syncAt < 0 && h.event.xid == xid) {
                h.syncAt = leaderZxid;
                break;
            }
        }
        release(sessionId, q);
    }

    /** The leader could not make a forwarded write a txn: answer it with {@code error}. */
    public synchronized void failed(long sessionId, int xid, ErrorCode error) {
        ArrayDeque<Held> q = bySession.get(sessionId);
        if (q == null) {
            return;
        }
        for (Held h : q) {
            if (h.wait == Wait.SESSION_XID && !h.failed && h.event.xid == xid) {
                h.event.error = error;
                h.failed = true;
                break;
            }
        }
        release(sessionId, q);
    }

    /**
     * A learner's new serving period, once it has synced with its leader (so every txn the last
     * leader committed has been through {@link #committed}): forwards again, session by session
     * in order, each request not yet answered and not already sent in {@code period}. The old
     * leader's own txns that were never committed (this server led before) are forwarded as the
     * client's requests; its internal ones (expiry, reaping) are the new leader's business.
     */
    public synchronized void resume(long period, Forwarder forwarder) {
        forgetProposals();
        for (ArrayDeque<Held> q : bySession.values()) {
            for (Held h : q) {
                boolean unanswered = (h.wait == Wait.SESSION_XID && !h.failed)
                        || (h.wait == Wait.SYNC && h.syncAt < 0);
                if (unanswered && h.forwardedIn != period) {
                    // Sent in an earlier period: the leader may have taken it already.
                    boolean resend = h.forwardedIn != -1;
                    h.forwardedIn = forwarder.forward(h.event.sessionId, h.event.xid,
                            h.event.opCode, h.event.request, h.event.authInfo, resend);
                }
            }
        }
    }

    /**
     * This server's proposals that still wait were made in an earlier term and, now that it
     * has caught up with a leader's history (its own, when it leads again), were never
     * committed: each becomes a request to send or prepare again; its expiries and reapings
     * are dropped (the leader of the new term expires again what is due). Called at the start
     * of each term, under the lock the replicate stage routes under.
     */
    public synchronized void forgetProposals() {
        for (ArrayDeque<Held> q : bySession.values()) {
            for (Iterator<Held> it = q.iterator(); it.hasNext();) {
                Held h = it.next();
                if (h.wait != Wait.ZXID) {
                    continue;
                }
                if (h.event.internal) {
                    it.remove();
                } else {
                    h.wait = Wait.SESSION_XID;
                    h.event.header = null;
                    h.event.txn = null;
                }
            }
        }
    }

    /**
     * This server leads now and has applied every txn of its history: each request still
     * unanswered (sent to the old leader and never committed, or never sent, or, after
     * {@link #forgetProposals}, proposed when this server led before) is prepared here ({@code prepare}, which
     * fills in the txn or the error) and, with a txn, proposed ({@code propose}), session by
     * session in order; a waiting sync needs nothing more than its place in its session's
     * queue, since the leader applies everything committed in order. Called on the prepare
     * thread by {@link LeaderTakeover}, before any newer request of these sessions is prepared.
     */
    public synchronized void takeOver(java.util.function.Consumer<RequestEvent> prepare,
            java.util.function.Consumer<RequestEvent> propose) {
        for (ArrayDeque<Held> q : bySession.values()) {
            for (Held h : q) {
                if (h.wait == Wait.SESSION_XID && !h.failed) {
                    prepare.accept(h.event);
                    if (h.event.txn != null) {
                        h.wait = Wait.ZXID;
                        propose.accept(h.event);
                    } else {
                        h.failed = true; // answered with prepare's error
                        h.wait = Wait.SESSION_XID;
                    }
                } else if (h.wait == Wait.SYNC) {
                    h.wait = Wait.NOTHING;
                }
            }
        }
        syncsAnswered.clear();
        for (Long session : List.copyOf(bySession.keySet())) {
            release(session, bySession.get(session));
        }
    }

    /**
     * Gives up on every request still waiting, closing its session's connection, as ZooKeeper
     * closes every connection at a leader change (the client resends); idle sessions keep
     * theirs. For a server that installed a snapshot (it cannot tell which waiting writes the
     * snapshot holds).
     */
    public synchronized void abandonWaiting(String why) {
        for (ArrayDeque<Held> q : bySession.values()) {
            for (Held h : q) {
                if (h.wait != Wait.NOTHING && h.event.channel != null) {
                    h.event.channel.close(why);
                    break;
                }
            }
        }
        bySession.clear();
        syncsAnswered.clear();
    }

    /** Requests of this server's clients waiting for the ensemble (part of outstanding). */
    public synchronized int waiting() {
        int n = 0;
        for (ArrayDeque<Held> q : bySession.values()) {
            n += q.size();
        }
        return n;
    }

    /** Syncs waiting, the leader's or this learner's (mntr's zk_pending_syncs). */
    public synchronized int pendingSyncs() {
        int n = 0;
        for (ArrayDeque<Held> q : bySession.values()) {
            for (Held h : q) {
                n += h.wait == Wait.SYNC ? 1 : 0;
            }
        }
        return n;
    }

    private static boolean matches(Held h, TxnHeader header) {
        return switch (h.wait) {
            case ZXID -> h.event.header.zxid() == header.zxid();
            case SESSION_XID -> !h.failed && h.event.xid == header.cxid()
                    && (h.event.opCode == OpCode.CREATE_SESSION)
                            == (header.type() == OpCode.CREATE_SESSION);
            default -> false;
        };
    }

    private void release(long session, ArrayDeque<Held> q) {
        syncsAnswered.remove(session);
        if (q == null) {
            return;
        }
        while (!q.isEmpty()) {
            Held h = q.peekFirst();
            boolean ready = h.wait == Wait.NOTHING || h.failed
                    || (h.wait == Wait.SYNC && h.syncAt >= 0 && applied >= h.syncAt);
            if (!ready) {
                if (h.wait == Wait.SYNC && h.syncAt >= 0) {
                    syncsAnswered.add(session);
                }
                return;
            }
            q.removeFirst();
            publish(h.event);
        }
        bySession.remove(session);
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
        Wait wait;
        long syncAt = -1;
        long forwardedIn = -1;
        boolean failed;

        Held(RequestEvent event, Wait wait) {
            this.event = event;
            this.wait = wait;
        }
    }
}

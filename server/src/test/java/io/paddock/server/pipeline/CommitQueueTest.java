package io.paddock.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.lmax.disruptor.RingBuffer;
import io.paddock.protocol.Id;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.txn.DeleteTxn;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-session order, matching and resume rules of the ensemble's commit queue. */
class CommitQueueTest {
    private static final long A = 0xA;
    private static final long B = 0xB;

    private RingBuffer<RequestEvent> ring;
    private CommitQueue queue;
    private long read;
    private final List<String> forwarded = new ArrayList<>();
    private long period = 1;
    private final CommitQueue.Forwarder forwarder = (s, x, o, r, a, resend) -> {
        forwarded.add(s + ":" + x + (resend ? "(resend)" : ""));
        return period;
    };

    @BeforeEach
    void setUp() {
        ring = RingBuffer.createMultiProducer(RequestEvent::new, 256);
        queue = new CommitQueue(ring, new SessionTracker(1, 1000, () -> 0));
        read = 0;
    }

    private static RequestEvent request(long session, int xid, int op) {
        RequestEvent e = new RequestEvent();
        e.set(null, session, xid, op, null, List.of(Id.ANYONE));
        return e;
    }

    private static TxnHeader header(long session, int xid, long zxid, int type) {
        return new TxnHeader(session, xid, zxid, 0, type);
    }

    /** What reached the commit ring since the last call, as session:xid. */
    private List<String> published() {
        List<String> out = new ArrayList<>();
        while (read <= ring.getCursor()) {
            RequestEvent e = ring.get(read++);
            out.add(e.sessionId + ":" + e.xid + (e.channel == null && e.internal ? "(bare)" : ""));
        }
        return out;
    }

    @Test
    void aReadWaitsOnlyForItsOwnSessionsWrite() {
        queue.hold(request(A, 1, OpCode.SET_DATA), CommitQueue.Wait.SESSION_XID, forwarder);
        queue.hold(request(A, 2, OpCode.GET_DATA), CommitQueue.Wait.NOTHING, forwarder);
        queue.hold(request(B, 1, OpCode.GET_DATA), CommitQueue.Wait.NOTHING, forwarder);
        assertEquals(List.of("11:1"), published(), "B's read does not wait for A's write");
        queue.committed(header(A, 1, 5, OpCode.SET_DATA), (Txn) null);
        assertEquals(List.of("10:1", "10:2"), published());
    }

    @Test
    void anotherServersTxnGoesBareAndKeepsZxidOrder() {
        queue.hold(request(A, 1, OpCode.CREATE), CommitQueue.Wait.SESSION_XID, forwarder);
        queue.committed(header(B, 7, 5, OpCode.CREATE), null);
        queue.committed(header(A, 1, 6, OpCode.CREATE), null);
        assertEquals(List.of("11:7(bare)", "10:1"), published());
    }

    @Test
    void resumeForwardsAgainOnlyWhatWasNotSentInThisPeriod() {
        period = -1; // no leader: held, not sent
        queue.hold(request(A, 1, OpCode.CREATE), CommitQueue.Wait.SESSION_XID, forwarder);
        period = 2;
        queue.hold(request(A, 2, OpCode.CREATE), CommitQueue.Wait.SESSION_XID, forwarder);
        forwarded.clear();
        queue.resume(2, forwarder);
        assertEquals(List.of("10:1"), forwarded,
                "xid 2 already went out in period 2; xid 1 never went out, so it is no resend");
        forwarded.clear();
        queue.resume(3, forwarder);
        assertEquals(List.of("10:1(resend)", "10:2(resend)"), forwarded,
                "a new period sends both, in order, as resends the leader may have taken");
    }

    @Test
    void aFailedForwardIsAnsweredWithItsErrorInOrder() {
        queue.hold(request(A, 1, OpCode.CREATE), CommitQueue.Wait.SESSION_XID, forwarder);
        queue.hold(request(A, 2, OpCode.EXISTS), CommitQueue.Wait.NOTHING, forwarder);
        queue.failed(A, 1, ErrorCode.SYSTEM_ERROR);
        assertEquals(List.of("10:1", "10:2"), published());
        assertSame(ErrorCode.SYSTEM_ERROR, ring.get(0).error);
        assertNull(ring.get(0).txn);
    }

    @Test
    void aSyncIsReleasedOnceTheLeadersZxidIsAppliedHere() {
        queue.hold(request(A, 1, OpCode.SYNC), CommitQueue.Wait.SYNC, forwarder);
        queue.syncDone(A, 1, 7);
        assertEquals(List.of(), published());
        queue.committed(header(B, 3, 6, OpCode.CREATE), null);
        assertEquals(List.of("11:3(bare)"), published());
        queue.committed(header(B, 4, 7, OpCode.CREATE), null);
        assertEquals(List.of("11:4(bare)", "10:1"), published());
    }

    /** What a new leader's prepare stage does, in a test: zxids from 20, or an error. */
    private final List<Long> proposed = new ArrayList<>();
    private long nextZxid = 20;

    private void takeOver(ErrorCode errorFor) {
        queue.takeOver(e -> {
            if (e.opCode == OpCode.DELETE && errorFor != null) {
                e.error = errorFor; // prepare could make no txn of it
                return;
            }
            e.header = header(e.sessionId, e.xid, nextZxid++, e.opCode);
            e.txn = new DeleteTxn("/x");
        }, e -> proposed.add(e.header.zxid()));
    }

    @Test
    void aNewLeaderPreparesWhatItHeldInEachSessionsOrderAndAnswersWhenCommitted() {
        period = -1; // sent to nobody: the leader died
        queue.hold(request(A, 1, OpCode.CREATE), CommitQueue.Wait.SESSION_XID, forwarder);
        queue.hold(request(A, 2, OpCode.SYNC), CommitQueue.Wait.SYNC, forwarder);
        queue.hold(request(A, 3, OpCode.GET_DATA), CommitQueue.Wait.NOTHING, forwarder);
        queue.hold(request(A, 4, OpCode.SET_DATA), CommitQueue.Wait.SESSION_XID, forwarder);
        queue.hold(request(B, 1, OpCode.SET_DATA), CommitQueue.Wait.SESSION_XID, forwarder);
        assertEquals(List.of(), published());

        takeOver(null);

        assertEquals(3, proposed.size(), "A:1, A:4 and B:1 are proposed, nothing else");
        assertEquals(List.of(), published(), "nothing is answered before its commit");
        queue.committed(header(A, 1, proposed.get(0), OpCode.CREATE), null);
        assertEquals(List.of("10:1", "10:2", "10:3"), published(),
                "the sync and the read follow the write, and wait for nothing else");
        queue.committed(header(A, 4, proposed.get(1), OpCode.SET_DATA), null);
        assertEquals(List.of("10:4"), published());
    }

    @Test
    void aHeldWriteThatCannotBePreparedIsAnsweredWithItsErrorInOrder() {
        period = -1;
        queue.hold(request(A, 1, OpCode.DELETE), CommitQueue.Wait.SESSION_XID, forwarder);
        queue.hold(request(A, 2, OpCode.EXISTS), CommitQueue.Wait.NOTHING, forwarder);

        takeOver(ErrorCode.SESSION_MOVED);

        assertEquals(List.of(), proposed);
        assertEquals(List.of("10:1", "10:2"), published());
        assertSame(ErrorCode.SESSION_MOVED, ring.get(0).error);
    }

    @Test
    void anEarlierTermsProposalsArePreparedAgainAndItsExpiriesDropped() {
        RequestEvent own = request(A, 1, OpCode.SET_DATA);
        own.header = header(A, 1, 5, OpCode.SET_DATA);
        queue.hold(own, CommitQueue.Wait.ZXID, forwarder);
        RequestEvent expiry = request(B, 0, OpCode.CLOSE_SESSION);
        expiry.internal = true;
        expiry.header = header(B, 0, 6, OpCode.CLOSE_SESSION);
        queue.hold(expiry, CommitQueue.Wait.ZXID, forwarder);

        queue.forgetProposals(); // the new term starts: 5 and 6 were never committed
        takeOver(null);

        assertEquals(List.of(20L), proposed, "A's write again, with a zxid of the new term");
        queue.committed(header(A, 1, 20, OpCode.SET_DATA), null);
        assertEquals(List.of("10:1"), published());
    }
}

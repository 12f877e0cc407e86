package io.paddock.server.pipeline;

import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;
import io.paddock.server.watch.Notification;
import java.util.List;

/**
 * One request on its way through the rings. A mutable slot, reused by the Disruptor: every
 * stage fills in its own outputs, and {@link #reset()} clears them for the next use.
 *
 * <p>Not thread-safe by itself: the Disruptor's sequence barriers hand each slot from one
 * stage to the next.
 */
public final class RequestEvent {
    /**
     * [ensemble] The op code of the marker a new leader puts in its request ring
     * ({@link LeaderTakeover}); no client sends it, and no stage past the request ring sees it.
     */
    static final int TAKEOVER = Integer.MIN_VALUE;

    // Inputs, set by whoever submits the request.
    ClientChannel channel;
    long sessionId;
    int xid;
    int opCode;
    Record request;
    List<Id> authInfo;
    long receivedNanos;
    boolean readOnlyClient;
    /** Submitted by the server itself (session expiry, container reaping), not a client. */
    boolean internal;
    /** Counted in its channel's {@link WriteFence} until applied. */
    boolean fenced;
    /** [ensemble] The learner that forwarded this request to the leader; 0 for our own. */
    long forwardedFrom;

    // Prepare's output.
    /** Whether prepare ran on it (a write on a server that prepares: standalone, or the leader). */
    boolean prepared;
    TxnHeader header;
    Txn txn;
    ErrorCode error;

    // Apply's output.
    Record response;
    long replyZxid;
    List<Notification> notifications;

    /** Clears the slot; a pooled event must not carry one request's data into the next. */
    public void reset() {
        channel = null;
        sessionId = 0;
        xid = 0;
        opCode = 0;
        request = null;
        authInfo = List.of();
        receivedNanos = 0;
        readOnlyClient = false;
        internal = false;
        fenced = false;
        forwardedFrom = 0;
        prepared = false;
        header = null;
        txn = null;
        error = ErrorCode.OK;
        response = null;
        replyZxid = 0;
        notifications = List.of();
    }

    /** Copies a request ring slot into a commit ring slot. */
    void copyFrom(RequestEvent o) {
        channel = o.channel;
        sessionId = o.sessionId;
        xid = o.xid;
        opCode = o.opCode;
        request = o.request;
        authInfo = o.authInfo;
        receivedNanos = o.receivedNanos;
        readOnlyClient = o.readOnlyClient;
        internal = o.internal;
        fenced = o.fenced;
        forwardedFrom = o.forwardedFrom;
        prepared = o.prepared;
        header = o.header;
        txn = o.txn;
        error = o.error;
        response = null;
        replyZxid = 0;
        notifications = List.of();
    }

    void set(ClientChannel channel, long sessionId, int xid, int opCode, Record request,
            List<Id> authInfo) {
        set(channel, sessionId, xid, opCode, request, authInfo, System.nanoTime());
    }

    /** @param receivedNanos when the request was read, which may be before a full ring took it */
    void set(ClientChannel channel, long sessionId, int xid, int opCode, Record request,
            List<Id> authInfo, long receivedNanos) {
        reset();
        this.channel = channel;
        this.sessionId = sessionId;
        this.xid = xid;
        this.opCode = opCode;
        this.request = request;
        this.authInfo = authInfo;
        this.receivedNanos = receivedNanos;
    }
}

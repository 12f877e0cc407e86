package io.paddock.server.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.paddock.protocol.ConnectResponse;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.session.Session;
import io.paddock.server.session.SessionTracker;
import io.paddock.server.watch.Notification;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Last stage of the commit ring: writes each request's watch events and then its reply, and
 * flushes every touched connection once at the end of the Disruptor batch.
 *
 * <p>Events go out before the reply of the same slot, and slots go out in apply order, so a
 * client always sees a watch event before any reply that reflects the change behind it. After
 * a fatal error ({@link FailStop}) nothing more is answered.
 *
 * <p>Runs on the commit ring's reply thread only.
 */
final class ReplyHandler implements EventHandler<RequestEvent> {
    private final StageBatches batches = new StageBatches("reply");
    private final SessionTracker sessions;
    private final FailStop failStop;
    private final BatchRelease release;
    private final Map<ClientChannel, Boolean> dirty = new IdentityHashMap<>();

    ReplyHandler(SessionTracker sessions, FailStop failStop, BatchRelease release) {
        this.sessions = sessions;
        this.failStop = failStop;
        this.release = release;
    }

    @Override
    public void setSequenceCallback(Sequence sequence) {
        release.sequence(sequence);
    }

    /** Where this stage's batch sizes are counted. */
    StageBatches batches() {
        return batches;
    }

    @Override
    public void onEvent(RequestEvent e, long sequence, boolean endOfBatch) {
        batches.event(endOfBatch);
        if (!failStop.stopped()) {
            answer(e);
        }
        if (endOfBatch) {
            dirty.keySet().forEach(ClientChannel::flush);
            dirty.clear();
            release.release(sequence);
        }
    }

    private void answer(RequestEvent e) {
        for (Notification n : e.notifications) {
            n.deliver();
            if (n.watcher() instanceof ClientChannel c) {
                dirty.put(c, Boolean.TRUE);
            }
        }
        ClientChannel c = e.channel;
        if (c != null) {
            reply(e, c);
        }
    }

    private void reply(RequestEvent e, ClientChannel c) {
        switch (e.opCode) {
            case OpCode.CREATE_SESSION -> connected(e, c);
            case OpCode.CLOSE_SESSION -> {
                if (e.internal) {
                    c.closeAfterFlush("session expired");
                } else {
                    c.writeReply(e.xid, e.replyZxid, e.error.code(), null);
                    c.closeAfterFlush("session closed by client");
                }
                dirty.put(c, Boolean.TRUE);
                return;
            }
            default -> {
                c.writeReply(e.xid, e.replyZxid, e.error.code(),
                        e.error == ErrorCode.OK ? e.response : null);
                if (e.error == ErrorCode.SESSION_MOVED) {
                    // A connection-level error, as in ZooKeeper: this connection is stale.
                    c.closeAfterFlush("session 0x" + Long.toHexString(e.sessionId)
                            + " moved to another server");
                }
            }
        }
        c.completed(System.nanoTime() - e.receivedNanos);
        dirty.put(c, Boolean.TRUE);
    }

    private void connected(RequestEvent e, ClientChannel c) {
        Session s = sessions.get(e.sessionId);
        if (e.error != ErrorCode.OK || s == null) {
            c.writeConnectResponse(new ConnectResponse(0, 0, 0, new byte[16], false));
            c.closeAfterFlush("session could not be created: " + e.error);
            return;
        }
        c.writeConnectResponse(new ConnectResponse(0, s.timeoutMs(), s.id(),
                sessions.passwordFor(s.id()), false));
    }
}

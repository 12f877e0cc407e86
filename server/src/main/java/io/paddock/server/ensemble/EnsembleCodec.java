package io.paddock.server.ensemble;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.paddock.protocol.Id;
import io.paddock.protocol.Record;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import io.paddock.protocol.codec.ScratchBuffer;
import io.paddock.protocol.codec.RequestBodies;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.request.CreateSessionRequest;
import io.paddock.server.ensemble.EnsembleMessage.Failed;
import io.paddock.server.ensemble.EnsembleMessage.Forward;
import io.paddock.server.ensemble.EnsembleMessage.Secret;
import io.paddock.server.ensemble.EnsembleMessage.SecretRequest;
import io.paddock.server.ensemble.EnsembleMessage.SyncDone;
import io.paddock.server.ensemble.EnsembleMessage.Touches;

/**
 * The bytes of {@link EnsembleMessage}s: a type byte, then the fields in jute encoding (a
 * forwarded request's body exactly as a client sends it). The relay frame around them is
 * length-delimited and checksummed by the peer transport.
 *
 * <p>Stateless and thread-safe.
 */
final class EnsembleCodec {
    private static final int FORWARD = 1;
    private static final int SYNC_DONE = 2;
    private static final int FAILED = 3;
    private static final int TOUCHES = 4;
    private static final int SECRET_REQUEST = 5;
    private static final int SECRET = 6;
    private static final int SESSION_HERE = 7;

    private EnsembleCodec() {
    }

    static byte[] encode(EnsembleMessage m) {
        ByteBuf buf = ScratchBuffer.take();
        JuteOutput out = new JuteOutput(buf);
        if (m instanceof Forward f) {
            buf.writeByte(FORWARD);
            out.writeLong(f.period());
            out.writeLong(f.seq());
            out.writeLong(f.sessionId());
            out.writeInt(f.xid());
            out.writeInt(f.opCode());
            buf.writeByte(f.resend() ? 1 : 0);
            out.writeVector(f.authInfo(), (o, id) -> id.write(o));
            f.request().write(out);
        } else if (m instanceof SyncDone s) {
            buf.writeByte(SYNC_DONE);
            out.writeLong(s.sessionId());
            out.writeInt(s.xid());
            out.writeLong(s.zxid());
        } else if (m instanceof Failed f) {
            buf.writeByte(FAILED);
            out.writeLong(f.sessionId());
            out.writeInt(f.xid());
            out.writeInt(f.error());
        } else if (m instanceof Touches t) {
            buf.writeByte(TOUCHES);
            out.writeInt(t.sessionIds().length);
            for (long id : t.sessionIds()) {
                out.writeLong(id);
            }
        } else if (m instanceof EnsembleMessage.SessionHere h) {
            buf.writeByte(SESSION_HERE);
            out.writeLong(h.sessionId());
        } else if (m instanceof SecretRequest) {
            buf.writeByte(SECRET_REQUEST);
        } else if (m instanceof Secret s) {
            buf.writeByte(SECRET);
            out.writeBuffer(s.secret());
        }
        return ScratchBuffer.bytes(buf);
    }

    /** @throws DecodeException if the bytes are not a whole message */
    static EnsembleMessage decode(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        JuteInput in = new JuteInput(buf);
        try {
            int type = buf.readByte();
            EnsembleMessage m = switch (type) {
                case FORWARD -> forward(in);
                case SYNC_DONE -> new SyncDone(in.readLong(), in.readInt(), in.readLong());
                case FAILED -> new Failed(in.readLong(), in.readInt(), in.readInt());
                case TOUCHES -> touches(in);
                case SECRET_REQUEST -> new SecretRequest();
                case SECRET -> new Secret(in.readBuffer());
                case SESSION_HERE -> new EnsembleMessage.SessionHere(in.readLong());
                default -> throw new DecodeException("unknown ensemble message type " + type);
            };
            if (in.hasRemaining()) {
                throw new DecodeException(in.remaining() + " bytes after an ensemble message");
            }
            return m;
        } catch (IndexOutOfBoundsException e) {
            throw new DecodeException("truncated ensemble message: " + e.getMessage());
        }
    }

    private static Forward forward(JuteInput in) {
        long period = in.readLong();
        long seq = in.readLong();
        long session = in.readLong();
        int xid = in.readInt();
        int op = in.readInt();
        boolean resend = in.readBool();
        var auth = in.readVector(Id::read);
        Record body = op == OpCode.CREATE_SESSION ? new CreateSessionRequest(in.readInt())
                : RequestBodies.decode(op, in);
        return new Forward(period, seq, session, xid, op, resend, auth, body);
    }

    private static Touches touches(JuteInput in) {
        int n = in.readInt();
        if (n < 0 || n > in.remaining() / Long.BYTES) {
            throw new DecodeException("touch count " + n + " with " + in.remaining() + " bytes left");
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = in.readLong();
        }
        return new Touches(ids);
    }
}

package io.paddock.zab.transport;

import io.netty.buffer.ByteBuf;
import io.paddock.zab.Proposal;
import io.paddock.zab.Role;
import io.paddock.zab.message.Ack;
import io.paddock.zab.message.AckEpoch;
import io.paddock.zab.message.AckLd;
import io.paddock.zab.message.CEpoch;
import io.paddock.zab.message.Commit;
import io.paddock.zab.message.CommitLd;
import io.paddock.zab.message.Diff;
import io.paddock.zab.message.Inform;
import io.paddock.zab.message.NewEpoch;
import io.paddock.zab.message.NewLeader;
import io.paddock.zab.message.Notification;
import io.paddock.zab.message.PeerMessage;
import io.paddock.zab.message.Ping;
import io.paddock.zab.message.Relay;
import io.paddock.zab.message.Propose;
import io.paddock.zab.message.Snap;
import io.paddock.zab.message.Trunc;
import io.paddock.zab.message.Vote;

/**
 * Every {@link PeerMessage} record, and the connection's {@link Hello}, as a {@link Frames frame}.
 * After the type byte come the record's components in declaration order: {@code long}s as 8
 * bytes, a {@link Role} as its ordinal byte, a boolean as 0 or 1, a {@link Vote} as leader, zxid,
 * epoch, and a {@link Proposal} as zxid, type (int), data length (int) and data. The type codes
 * below are the wire format: never renumber them.
 *
 * <p>Thread-safe: stateless.
 */
public final class PeerMessageCodec {
    /** The wire version a {@link Hello} carries. */
    public static final int VERSION = 1;

    static final int HELLO = 0;
    static final int NOTIFICATION = 1;
    static final int CEPOCH = 2;
    static final int NEWEPOCH = 3;
    static final int ACKEPOCH = 4;
    static final int DIFF = 5;
    static final int TRUNC = 6;
    static final int SNAP = 7;
    static final int NEWLEADER = 8;
    static final int ACKLD = 9;
    static final int COMMITLD = 10;
    static final int PROPOSE = 11;
    static final int ACK = 12;
    static final int COMMIT = 13;
    static final int INFORM = 14;
    static final int PING = 15;
    static final int RELAY = 16;

    private static final Role[] ROLES = Role.values();

    private PeerMessageCodec() {
    }

    /** Writes {@code message} (a {@link PeerMessage} or a {@link Hello}) as one frame. */
    public static void encode(Object message, ByteBuf out) {
        if (message instanceof Hello h) {
            int start = Frames.start(out, HELLO);
            out.writeInt(h.version());
            out.writeLong(h.id());
            Frames.finish(out, start);
        } else if (message instanceof PeerMessage m) {
            int start = Frames.start(out, typeOf(m));
            out.writeLong(m.from());
            out.writeLong(m.to());
            writeFields(m, out);
            Frames.finish(out, start);
        } else {
            throw new IllegalArgumentException("not a peer message: " + message);
        }
    }

    /**
     * Reads one frame body (type byte and fields) that {@link FrameDecoder} checked.
     *
     * @return a {@link PeerMessage} or a {@link Hello}
     * @throws FrameException if the type is unknown, a field is out of range, or bytes are
     *     missing or left over
     */
    public static Object decode(ByteBuf body) {
        try {
            int type = body.readUnsignedByte();
            Object message = type == HELLO ? new Hello(body.readInt(), body.readLong())
                    : readMessage(type, body.readLong(), body.readLong(), body);
            if (body.isReadable()) {
                throw new FrameException(body.readableBytes() + " bytes left over after "
                        + message);
            }
            return message;
        } catch (IndexOutOfBoundsException e) {
            throw new FrameException("frame body ends inside its fields", e);
        } catch (IllegalArgumentException e) {
            throw new FrameException("invalid field: " + e.getMessage(), e);
        }
    }

    private static int typeOf(PeerMessage m) {
        if (m instanceof Notification) {
            return NOTIFICATION;
        } else if (m instanceof CEpoch) {
            return CEPOCH;
        } else if (m instanceof NewEpoch) {
            return NEWEPOCH;
        } else if (m instanceof AckEpoch) {
            return ACKEPOCH;
        } else if (m instanceof Diff) {
            return DIFF;
        } else if (m instanceof Trunc) {
            return TRUNC;
        } else if (m instanceof Snap) {
            return SNAP;
        } else if (m instanceof NewLeader) {
            return NEWLEADER;
        } else if (m instanceof AckLd) {
            return ACKLD;
        } else if (m instanceof CommitLd) {
            return COMMITLD;
        } else if (m instanceof Propose) {
            return PROPOSE;
        } else if (m instanceof Ack) {
            return ACK;
        } else if (m instanceof Commit) {
            return COMMIT;
        } else if (m instanceof Inform) {
            return INFORM;
        } else if (m instanceof Ping) {
            return PING;
        } else if (m instanceof Relay) {
            return RELAY;
        }
        throw new IllegalArgumentException("no wire type for " + m);
    }

    private static void writeFields(PeerMessage m, ByteBuf out) {
        if (m instanceof Notification n) {
            out.writeLong(n.vote().leader());
            out.writeLong(n.vote().zxid());
            out.writeLong(n.vote().epoch());
            out.writeLong(n.round());
            out.writeByte(n.state().ordinal());
        } else if (m instanceof CEpoch c) {
            out.writeLong(c.acceptedEpoch());
            out.writeLong(c.lastZxid());
            out.writeBoolean(c.observer());
        } else if (m instanceof NewEpoch e) {
            out.writeLong(e.epoch());
        } else if (m instanceof AckEpoch a) {
            out.writeLong(a.epoch());
            out.writeLong(a.currentEpoch());
            out.writeLong(a.lastZxid());
        } else if (m instanceof NewLeader n) {
            out.writeLong(n.epoch());
            out.writeLong(n.zxid());
        } else if (m instanceof Propose p) {
            writeProposal(p.proposal(), out);
            out.writeLong(p.previousZxid());
        } else if (m instanceof Inform i) {
            writeProposal(i.proposal(), out);
            out.writeLong(i.previousZxid());
        } else if (m instanceof Relay r) {
            out.writeInt(r.payload().length);
            out.writeBytes(r.payload());
        } else if (!(m instanceof Ping)) {
            out.writeLong(singleField(m));
        }
    }

    /** The one long of the messages that carry one (besides from and to). */
    private static long singleField(PeerMessage m) {
        if (m instanceof Diff d) {
            return d.lastZxid();
        } else if (m instanceof Trunc t) {
            return t.zxid();
        } else if (m instanceof Snap s) {
            return s.zxid();
        } else if (m instanceof AckLd a) {
            return a.epoch();
        } else if (m instanceof CommitLd c) {
            return c.committedZxid();
        } else if (m instanceof Ack a) {
            return a.zxid();
        } else if (m instanceof Commit c) {
            return c.zxid();
        }
        throw new IllegalArgumentException("no wire fields for " + m);
    }

    private static PeerMessage readMessage(int type, long from, long to, ByteBuf in) {
        return switch (type) {
            case NOTIFICATION -> new Notification(from, to,
                    new Vote(in.readLong(), in.readLong(), in.readLong()), in.readLong(),
                    readRole(in));
            case CEPOCH -> new CEpoch(from, to, in.readLong(), in.readLong(), readBoolean(in));
            case NEWEPOCH -> new NewEpoch(from, to, in.readLong());
            case ACKEPOCH -> new AckEpoch(from, to, in.readLong(), in.readLong(), in.readLong());
            case DIFF -> new Diff(from, to, in.readLong());
            case TRUNC -> new Trunc(from, to, in.readLong());
            case SNAP -> new Snap(from, to, in.readLong());
            case NEWLEADER -> new NewLeader(from, to, in.readLong(), in.readLong());
            case ACKLD -> new AckLd(from, to, in.readLong());
            case COMMITLD -> new CommitLd(from, to, in.readLong());
            case PROPOSE -> new Propose(from, to, readProposal(in), in.readLong());
            case ACK -> new Ack(from, to, in.readLong());
            case COMMIT -> new Commit(from, to, in.readLong());
            case INFORM -> new Inform(from, to, readProposal(in), in.readLong());
            case PING -> new Ping(from, to);
            case RELAY -> new Relay(from, to, readBytes(in, "relay payload"));
            default -> throw new FrameException("unknown message type " + type);
        };
    }

    private static void writeProposal(Proposal p, ByteBuf out) {
        out.writeLong(p.zxid());
        out.writeInt(p.type());
        out.writeInt(p.data().length);
        out.writeBytes(p.data());
    }

    private static byte[] readBytes(ByteBuf in, String what) {
        int length = in.readInt();
        if (length < 0 || length > in.readableBytes()) {
            throw new FrameException(what + " length " + length + " with "
                    + in.readableBytes() + " bytes left in the frame");
        }
        byte[] data = new byte[length];
        in.readBytes(data);
        return data;
    }

    private static Proposal readProposal(ByteBuf in) {
        long zxid = in.readLong();
        int type = in.readInt();
        int length = in.readInt();
        if (length < 0 || length > in.readableBytes()) {
            throw new FrameException("proposal data length " + length + " with "
                    + in.readableBytes() + " bytes left in the frame");
        }
        byte[] data = new byte[length];
        in.readBytes(data);
        return new Proposal(zxid, type, data);
    }

    private static Role readRole(ByteBuf in) {
        int ordinal = in.readUnsignedByte();
        if (ordinal >= ROLES.length) {
            throw new FrameException("role ordinal " + ordinal + " out of range");
        }
        return ROLES[ordinal];
    }

    private static boolean readBoolean(ByteBuf in) {
        int b = in.readUnsignedByte();
        if (b > 1) {
            throw new FrameException("boolean byte " + b + " is neither 0 nor 1");
        }
        return b == 1;
    }
}

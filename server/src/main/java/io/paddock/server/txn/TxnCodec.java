package io.paddock.server.txn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.paddock.protocol.ACL;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.codec.JuteOutput;
import io.paddock.protocol.codec.ScratchBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte form of a txn for the log and for replication: a format version byte, the
 * header, then the txn as a kind tag and its jute-encoded fields. The tag (not the header's
 * op code) says which record follows, so a multi's sub-txns decode on their own.
 *
 * <p>Stateless and thread-safe.
 */
public final class TxnCodec {
    static final int VERSION = 1;

    private static final int CREATE = 1;
    private static final int DELETE = 2;
    private static final int SET_DATA = 3;
    private static final int SET_ACL = 4;
    private static final int CHECK = 5;
    private static final int CREATE_SESSION = 6;
    private static final int CLOSE_SESSION = 7;
    private static final int ERROR = 8;
    private static final int MULTI = 9;

    private TxnCodec() {
    }

    public static byte[] serialize(TxnHeader header, Txn txn) {
        ByteBuf buf = ScratchBuffer.take();
        JuteOutput out = new JuteOutput(buf);
        buf.writeByte(VERSION);
        out.writeLong(header.sessionId());
        out.writeInt(header.cxid());
        out.writeLong(header.zxid());
        out.writeLong(header.time());
        out.writeInt(header.type());
        writeTxn(out, txn);
        return ScratchBuffer.bytes(buf);
    }

    /** Reads what {@link #serialize} wrote; throws DecodeException on anything else. */
    public static TxnEnvelope deserialize(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        if (!buf.isReadable()) {
            throw new DecodeException("empty txn");
        }
        int version = buf.readByte();
        if (version != VERSION) {
            throw new DecodeException("unknown txn format version " + version);
        }
        JuteInput in = new JuteInput(buf);
        TxnHeader header = new TxnHeader(in.readLong(), in.readInt(), in.readLong(),
                in.readLong(), in.readInt());
        Txn txn = readTxn(in);
        if (in.hasRemaining()) {
            throw new DecodeException(in.remaining() + " bytes after the txn");
        }
        return new TxnEnvelope(header, txn);
    }

    private static void writeTxn(JuteOutput out, Txn txn) {
        if (txn instanceof CreateTxn t) {
            out.writeInt(CREATE);
            out.writeString(t.path());
            out.writeBuffer(t.data());
            ACL.writeList(out, t.acl());
            out.writeLong(t.ephemeralOwner());
            out.writeInt(t.parentCVersion());
        } else if (txn instanceof DeleteTxn t) {
            out.writeInt(DELETE);
            out.writeString(t.path());
        } else if (txn instanceof SetDataTxn t) {
            out.writeInt(SET_DATA);
            out.writeString(t.path());
            out.writeBuffer(t.data());
            out.writeInt(t.version());
        } else if (txn instanceof SetAclTxn t) {
            out.writeInt(SET_ACL);
            out.writeString(t.path());
            ACL.writeList(out, t.acl());
            out.writeInt(t.version());
        } else if (txn instanceof CheckVersionTxn t) {
            out.writeInt(CHECK);
            out.writeString(t.path());
            out.writeInt(t.version());
        } else if (txn instanceof CreateSessionTxn t) {
            out.writeInt(CREATE_SESSION);
            out.writeInt(t.timeout());
        } else if (txn instanceof CloseSessionTxn t) {
            out.writeInt(CLOSE_SESSION);
            out.writeVector(t.pathsToDelete(), JuteOutput::writeString);
        } else if (txn instanceof ErrorTxn t) {
            out.writeInt(ERROR);
            out.writeInt(t.err());
        } else if (txn instanceof MultiTxn t) {
            out.writeInt(MULTI);
            out.writeInt(t.txns().size());
            for (int i = 0; i < t.txns().size(); i++) {
                out.writeInt(t.opCodes().get(i));
                writeTxn(out, t.txns().get(i));
            }
        } else {
            throw new IllegalArgumentException("unknown txn " + txn);
        }
    }

    private static Txn readTxn(JuteInput in) {
        int kind = in.readInt();
        return switch (kind) {
            case CREATE -> new CreateTxn(in.readString(), in.readBuffer(), ACL.readList(in),
                    in.readLong(), in.readInt());
            case DELETE -> new DeleteTxn(in.readString());
            case SET_DATA -> new SetDataTxn(in.readString(), in.readBuffer(), in.readInt());
            case SET_ACL -> new SetAclTxn(in.readString(), ACL.readList(in), in.readInt());
            case CHECK -> new CheckVersionTxn(in.readString(), in.readInt());
            case CREATE_SESSION -> new CreateSessionTxn(in.readInt());
            case CLOSE_SESSION -> new CloseSessionTxn(in.readVector(JuteInput::readString));
            case ERROR -> new ErrorTxn(in.readInt());
            case MULTI -> readMulti(in);
            default -> throw new DecodeException("unknown txn kind " + kind);
        };
    }

    private static MultiTxn readMulti(JuteInput in) {
        int count = in.readInt();
        if (count < 0 || count > in.remaining()) {
            throw new DecodeException("bad multi op count " + count);
        }
        List<Txn> txns = new ArrayList<>(count);
        List<Integer> opCodes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            opCodes.add(in.readInt());
            txns.add(readTxn(in));
        }
        return new MultiTxn(txns, opCodes);
    }
}

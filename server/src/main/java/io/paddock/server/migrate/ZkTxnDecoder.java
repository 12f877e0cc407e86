package io.paddock.server.migrate;

import io.netty.buffer.Unpooled;
import io.paddock.protocol.ACL;
import io.paddock.protocol.codec.DecodeException;
import io.paddock.protocol.codec.JuteInput;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.tree.EphemeralType;
import io.paddock.server.txn.CheckVersionTxn;
import io.paddock.server.txn.CloseSessionTxn;
import io.paddock.server.txn.CreateSessionTxn;
import io.paddock.server.txn.CreateTxn;
import io.paddock.server.txn.DeleteTxn;
import io.paddock.server.txn.ErrorTxn;
import io.paddock.server.txn.MultiTxn;
import io.paddock.server.txn.SetAclTxn;
import io.paddock.server.txn.SetDataTxn;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the payload of one ZooKeeper txn log record into Paddock's txn, by
 * {@code zookeeper.jute}'s txn records and the type in the header, as ZooKeeper's
 * SerializeUtils.deserializeTxn and DataTree.processTxn read them.
 *
 * <p>The payload is a {@code TxnHeader} (clientId, cxid, zxid, time, type), the record of that
 * type, and from 3.6 a {@code TxnDigest} (digest version, tree digest) of 12 bytes. Types:
 * create and create2 ({@code CreateTxn}, ephemeral as a flag; pre-3.0 {@code CreateTxnV0}
 * without parentCVersion, which becomes -1), createContainer, createTTL (the TTL in the record),
 * delete and deleteContainer, setData and reconfig ({@code SetDataTxn}; reconfig writes
 * /zookeeper/config), setACL, check, createSession (the timeout), closeSession (the ephemerals
 * to delete; no record before 3.6), error, and multi (a vector of type and bytes).
 *
 * <p>Stateless and thread-safe.
 */
final class ZkTxnDecoder {
    static final int DIGEST_BYTES = 12;

    private ZkTxnDecoder() {
    }

    /**
     * @throws DecodeException if the payload is not a txn of a known type
     */
    static ZkTxn decode(byte[] payload) {
        JuteInput in = new JuteInput(Unpooled.wrappedBuffer(payload));
        TxnHeader header = new TxnHeader(in.readLong(), in.readInt(), in.readLong(),
                in.readLong(), in.readInt());
        int bodyStart = in.buffer().readerIndex();
        Txn txn;
        if (header.type() == OpCode.CLOSE_SESSION) {
            txn = closeSession(in);
        } else if (header.type() == OpCode.CREATE && createV0(in, bodyStart)) {
            txn = readCreateV0(in, header.sessionId());
        } else {
            txn = readBody(in, header.type(), header.sessionId());
        }
        Long digest = null;
        if (in.remaining() >= DIGEST_BYTES) {
            in.readInt(); // digest version
            digest = in.readLong();
        }
        // ZooKeeper reads no further either: later bytes would be a format it does not know.
        return new ZkTxn(header, txn, digest);
    }

    private static Txn readBody(JuteInput in, int type, long sessionId) {
        return switch (type) {
            case OpCode.CREATE, OpCode.CREATE2 -> {
                String path = path(in);
                byte[] data = in.readBuffer();
                List<ACL> acl = acls(in);
                boolean ephemeral = in.readBool();
                yield new CreateTxn(path, data, acl, ephemeral ? sessionId : 0, in.readInt());
            }
            case OpCode.CREATE_CONTAINER -> new CreateTxn(path(in), in.readBuffer(),
                    acls(in), EphemeralType.CONTAINER_OWNER, in.readInt());
            case OpCode.CREATE_TTL -> {
                String path = path(in);
                byte[] data = in.readBuffer();
                List<ACL> acl = acls(in);
                int parentCVersion = in.readInt();
                yield new CreateTxn(path, data, acl, ttlOwner(in.readLong()), parentCVersion);
            }
            case OpCode.DELETE, OpCode.DELETE_CONTAINER -> new DeleteTxn(path(in));
            case OpCode.SET_DATA, OpCode.RECONFIG -> new SetDataTxn(path(in),
                    in.readBuffer(), in.readInt());
            case OpCode.SET_ACL -> new SetAclTxn(path(in), acls(in), in.readInt());
            case OpCode.CHECK -> new CheckVersionTxn(path(in), in.readInt());
            case OpCode.CREATE_SESSION -> new CreateSessionTxn(in.readInt());
            case OpCode.ERROR -> new ErrorTxn(in.readInt());
            case OpCode.MULTI -> readMulti(in, sessionId);
            default -> throw new DecodeException("txn type " + type + " is not one ZooKeeper logs");
        };
    }

    private static String path(JuteInput in) {
        String path = in.readString();
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            throw new DecodeException("bad path '" + path + "' in a txn");
        }
        return path;
    }

    private static List<ACL> acls(JuteInput in) {
        List<ACL> acl = ACL.readList(in);
        if (acl == null) {
            throw new DecodeException("a create or setACL txn without an ACL vector");
        }
        return acl;
    }

    private static long ttlOwner(long ttl) {
        try {
            return EphemeralType.ttlOwner(ttl);
        } catch (IllegalArgumentException e) {
            throw new DecodeException("createTTL with " + e.getMessage());
        }
    }

    private static MultiTxn readMulti(JuteInput in, long sessionId) {
        int count = in.readInt();
        if (count < 0 || count > in.remaining()) {
            throw new DecodeException("bad multi op count " + count);
        }
        List<Txn> txns = new ArrayList<>(count);
        List<Integer> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int type = in.readInt();
            byte[] data = in.readBuffer();
            if (data == null || type == OpCode.MULTI || type == OpCode.CREATE_SESSION
                    || type == OpCode.CLOSE_SESSION) {
                throw new DecodeException("multi op " + i + " of type " + type
                        + (data == null ? " has no data" : " cannot be inside a multi"));
            }
            JuteInput sub = new JuteInput(Unpooled.wrappedBuffer(data));
            txns.add(readBody(sub, type, sessionId));
            types.add(type);
        }
        return new MultiTxn(txns, types);
    }

    /**
     * Before 3.6 a closeSession carried no record, and a 3.6+ server with closeSession txns
     * turned off still writes none; the 12-byte digest may follow either way. The record is
     * taken when it parses and leaves nothing or exactly a digest behind.
     */
    private static CloseSessionTxn closeSession(JuteInput in) {
        int start = in.buffer().readerIndex();
        int total = in.remaining();
        if (total != 0) {
            try {
                List<String> paths = in.readVector(ZkTxnDecoder::path);
                if (paths != null && (in.remaining() == 0 || in.remaining() == DIGEST_BYTES)) {
                    return new CloseSessionTxn(paths);
                }
            } catch (DecodeException e) {
                // no record: fall through
            }
            in.buffer().readerIndex(start);
            if (total != DIGEST_BYTES) {
                throw new DecodeException("closeSession with " + total
                        + " bytes that are neither a path list nor a digest");
            }
        }
        return new CloseSessionTxn(null);
    }

    /**
     * A pre-3.0 create has no parentCVersion: after path, data, ACL and the ephemeral flag
     * fewer than 4 bytes are left (ZooKeeper tells it by the EOF this gives).
     */
    private static boolean createV0(JuteInput in, int bodyStart) {
        try {
            path(in);
            in.readBuffer();
            ACL.readList(in);
            in.readBool();
            return in.remaining() < 4;
        } catch (DecodeException e) {
            return false;
        } finally {
            in.buffer().readerIndex(bodyStart);
        }
    }

    private static CreateTxn readCreateV0(JuteInput in, long sessionId) {
        String path = path(in);
        byte[] data = in.readBuffer();
        List<ACL> acl = acls(in);
        boolean ephemeral = in.readBool();
        // -1: the parent's cversion plus one, worked out when the txn is replayed.
        return new CreateTxn(path, data, acl, ephemeral ? sessionId : 0, -1);
    }
}

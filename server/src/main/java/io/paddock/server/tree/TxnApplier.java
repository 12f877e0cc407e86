package io.paddock.server.tree;

import io.paddock.protocol.Create2Response;
import io.paddock.protocol.CreateResponse;
import io.paddock.protocol.MultiResponse;
import io.paddock.protocol.MultiResult;
import io.paddock.protocol.Record;
import io.paddock.protocol.SetACLResponse;
import io.paddock.protocol.SetDataResponse;
import io.paddock.protocol.Stat;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
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
import io.paddock.server.watch.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns a txn into tree mutations and the client's response, as ZooKeeper's
 * DataTree.processTxn and FinalRequestProcessor do together.
 *
 * <p>Not thread-safe: only {@link DataTree#apply} calls it, on the apply thread.
 */
final class TxnApplier {
    private final DataTree tree;

    TxnApplier(DataTree tree) {
        this.tree = tree;
    }

    ApplyResult apply(TxnHeader header, Txn txn) {
        List<Notification> out = new ArrayList<>();
        if (txn instanceof MultiTxn multi) {
            return new ApplyResult(ErrorCode.OK, applyMulti(header, multi, out), out);
        }
        if (txn instanceof CloseSessionTxn close) {
            closeSession(header, close, out);
            return new ApplyResult(ErrorCode.OK, null, out);
        }
        if (txn instanceof CreateSessionTxn) {
            return new ApplyResult(ErrorCode.OK, null, out);
        }
        MultiResult r = applyOne(header, header.type(), txn, out);
        if (r.err() != ErrorCode.OK.code()) {
            return new ApplyResult(ErrorCode.of(r.err()), null, out);
        }
        Record response = r.response();
        if (header.type() == OpCode.SET_ACL && response instanceof SetDataResponse s) {
            response = new SetACLResponse(s.stat());
        }
        return new ApplyResult(ErrorCode.OK, response, out);
    }

    /**
     * A multi whose txns include an ErrorTxn failed at prepare time: nothing is applied and
     * every op answers with an error result (OK before the failing op, RUNTIME_INCONSISTENCY
     * after it), which is what the ZooKeeper client expects.
     */
    private MultiResponse applyMulti(TxnHeader header, MultiTxn multi, List<Notification> out) {
        boolean failed = multi.failed();
        boolean pastFailure = false;
        List<MultiResult> results = new ArrayList<>(multi.txns().size());
        for (int i = 0; i < multi.txns().size(); i++) {
            Txn sub = multi.txns().get(i);
            if (sub instanceof ErrorTxn e) {
                pastFailure = true;
                results.add(MultiResult.error(e.err()));
            } else if (failed) {
                results.add(MultiResult.error(pastFailure
                        ? ErrorCode.RUNTIME_INCONSISTENCY.code() : ErrorCode.OK.code()));
            } else {
                results.add(applyOne(header, multi.opCodes().get(i), sub, out));
            }
        }
        return new MultiResponse(results);
    }

    private MultiResult applyOne(TxnHeader header, int opCode, Txn txn, List<Notification> out) {
        long zxid = header.zxid();
        if (txn instanceof CreateTxn c) {
            ErrorCode err = tree.createNode(c.path(), c.data(), c.acl(), c.ephemeralOwner(),
                    c.parentCVersion(), zxid, header.time(), out);
            if (err != ErrorCode.OK) {
                return MultiResult.error(err.code());
            }
            Record response = opCode == OpCode.CREATE
                    ? new CreateResponse(c.path())
                    : new Create2Response(c.path(), tree.stat(c.path()));
            return new MultiResult(opCode, 0, response);
        }
        if (txn instanceof DeleteTxn d) {
            ErrorCode err = tree.deleteNode(d.path(), zxid, out);
            return err == ErrorCode.OK ? new MultiResult(opCode, 0, null)
                    : MultiResult.error(err.code());
        }
        if (txn instanceof SetDataTxn s) {
            Stat stat = tree.setData(s.path(), s.data(), s.version(), zxid, header.time(), out);
            return stat == null ? MultiResult.error(ErrorCode.NO_NODE.code())
                    : new MultiResult(opCode, 0, new SetDataResponse(stat));
        }
        if (txn instanceof SetAclTxn s) {
            Stat stat = tree.setAcl(s.path(), s.acl(), s.version());
            return stat == null ? MultiResult.error(ErrorCode.NO_NODE.code())
                    : new MultiResult(opCode, 0, new SetDataResponse(stat));
        }
        if (txn instanceof CheckVersionTxn) {
            return new MultiResult(OpCode.CHECK, 0, null);
        }
        if (txn instanceof ErrorTxn e) {
            return MultiResult.error(e.err());
        }
        return MultiResult.error(ErrorCode.RUNTIME_INCONSISTENCY.code());
    }

    /** Deletes the ephemerals named in the txn, then any the txn did not know of. */
    private void closeSession(TxnHeader header, CloseSessionTxn close, List<Notification> out) {
        Set<String> remaining = tree.takeEphemerals(header.sessionId());
        List<String> listed = close.pathsToDelete() == null ? List.of() : close.pathsToDelete();
        for (String path : listed) {
            tree.deleteNode(path, header.zxid(), out);
            remaining.remove(path);
        }
        for (String path : remaining) {
            tree.deleteNode(path, header.zxid(), out);
        }
    }
}

package io.paddock.server.request;

import io.paddock.protocol.Id;
import io.paddock.protocol.MultiOp;
import io.paddock.protocol.MultiRequest;
import io.paddock.protocol.Record;
import io.paddock.protocol.op.ErrorCode;
import io.paddock.protocol.op.OpCode;
import io.paddock.server.acl.AclChecker;
import io.paddock.server.acl.AclFixup;
import io.paddock.server.acl.AuthRegistry;
import io.paddock.server.tree.DataTree;
import io.paddock.server.txn.CloseSessionTxn;
import io.paddock.server.txn.CreateSessionTxn;
import io.paddock.server.txn.ErrorTxn;
import io.paddock.server.txn.MultiTxn;
import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Turns write requests into txns, validating each against the tree as it will be when the
 * txn applies: the applied tree plus every txn prepared before it (ZooKeeper's
 * PrepRequestProcessor with its outstanding changes). Sequential names come from the
 * parent's cversion in that view, so pipelined creates get distinct, gap-free numbers.
 *
 * <p>Threading: {@link #prepare} on one prepare thread; {@link #applied} from the apply
 * thread.
 */
public final class RequestPreparer {
    private final PendingChanges view;
    private final WriteOps ops;
    private final PrepareSettings settings;

    public RequestPreparer(DataTree tree, PrepareSettings settings) {
        this(tree, settings, new AuthRegistry());
    }

    public RequestPreparer(DataTree tree, PrepareSettings settings, AuthRegistry auth) {
        this.settings = settings;
        this.view = new PendingChanges(tree);
        this.ops = new WriteOps(view, new AclChecker(auth), new AclFixup(auth), settings);
    }

    /**
     * Prepares one write. Every write takes the next zxid from {@code nextZxid}, whether it
     * validates or not, as in ZooKeeper's PrepRequestProcessor (the txn header is made before
     * any check): one that fails becomes an error txn (header type {@link OpCode#ERROR}, an
     * {@link ErrorTxn} with its code), is logged and applied as a no-op, and its reply carries
     * that zxid. A failed multi stays a multi whose ops are ErrorTxns.
     *
     * <p>An unexpected exception (a bug, not a validation failure) takes no zxid: the view is
     * put back as it was and the exception propagates.
     */
    public Prepared prepare(long sessionId, int cxid, int opCode, Record request,
            List<Id> authInfo, LongSupplier nextZxid, long nowMillis) {
        try {
            return switch (opCode) {
                case OpCode.MULTI -> multi(sessionId, cxid, (MultiRequest) request, authInfo,
                        nextZxid, nowMillis);
                case OpCode.CREATE_SESSION -> commit(sessionId, cxid, opCode,
                        new CreateSessionTxn(((CreateSessionRequest) request).timeout()),
                        nextZxid, nowMillis);
                case OpCode.CLOSE_SESSION -> closeSession(sessionId, cxid, nextZxid, nowMillis);
                // Dynamic reconfiguration is not supported: ZooKeeper answers the same in
                // standalone mode, or when reconfigEnabled is off.
                case OpCode.RECONFIG -> throw new PrepareError(settings.reconfigEnabled()
                        ? ErrorCode.UNIMPLEMENTED : ErrorCode.RECONFIG_DISABLED);
                default -> commit(sessionId, cxid, opCode,
                        ops.prepare(opCode, request, sessionId, authInfo), nextZxid, nowMillis);
            };
        } catch (PrepareError e) {
            return failed(sessionId, cxid, e.code(), nextZxid, nowMillis);
        } catch (ClassCastException | NullPointerException e) {
            // A request record of the wrong type or with missing fields: ZooKeeper's
            // MarshallingError, which comes after its header, so with a zxid too.
            return failed(sessionId, cxid, ErrorCode.MARSHALLING_ERROR, nextZxid, nowMillis);
        } catch (RuntimeException e) {
            view.discard();
            throw e;
        }
    }

    /** The apply thread has applied every txn up to zxid: their pending changes can go. */
    public void applied(long zxid) {
        view.applied(zxid);
    }

    /**
     * [ensemble] This server starts leading, with every committed txn applied: changes it
     * prepared as an earlier leader were applied or will never be.
     */
    public void reset() {
        view.reset();
    }

    /** Changes prepared but not yet applied (for metrics and tests). */
    public int outstandingChanges() {
        return view.outstandingCount();
    }

    private Prepared commit(long sessionId, int cxid, int opCode, Txn txn, LongSupplier nextZxid,
            long nowMillis) {
        long zxid = nextZxid.getAsLong();
        view.commit(zxid);
        return new Prepared(new TxnHeader(sessionId, cxid, zxid, nowMillis, opCode), txn,
                ErrorCode.OK);
    }

    /** A write that failed validation: its staged changes go, an error txn takes the zxid. */
    private Prepared failed(long sessionId, int cxid, ErrorCode code, LongSupplier nextZxid,
            long nowMillis) {
        view.discard();
        long zxid = nextZxid.getAsLong();
        return new Prepared(new TxnHeader(sessionId, cxid, zxid, nowMillis, OpCode.ERROR),
                new ErrorTxn(code.code()), code);
    }

    private Prepared closeSession(long sessionId, int cxid, LongSupplier nextZxid,
            long nowMillis) {
        List<String> paths = view.ephemeralsOf(sessionId);
        for (String path : paths) {
            ChangeRecord node = view.get(path);
            String parentPath = io.paddock.server.tree.Paths.parent(path);
            ChangeRecord parent = parentPath == null ? null : view.get(parentPath);
            if (node != null) {
                view.stage(ChangeRecord.deleted(path));
            }
            if (parent != null && node != null) {
                view.stage(parent.withChildRemoved());
            }
        }
        return commit(sessionId, cxid, OpCode.CLOSE_SESSION, new CloseSessionTxn(paths),
                nextZxid, nowMillis);
    }

    /**
     * Prepares every op of a multi against the view including the earlier ops' changes. On
     * the first failure the staged changes are dropped (no partial effect, and later
     * requests see the tree as if the multi never was) and every op becomes an ErrorTxn.
     */
    private Prepared multi(long sessionId, int cxid, MultiRequest request, List<Id> authInfo,
            LongSupplier nextZxid, long nowMillis) {
        List<Txn> txns = new ArrayList<>();
        List<Integer> opCodes = new ArrayList<>();
        int failedAt = -1;
        ErrorCode failure = null;
        List<MultiOp> multiOps = request.ops();
        for (int i = 0; i < multiOps.size() && failedAt < 0; i++) {
            MultiOp op = multiOps.get(i);
            try {
                txns.add(ops.prepare(op.type(), op.request(), sessionId, authInfo));
                opCodes.add(op.type());
            } catch (PrepareError e) {
                failedAt = i;
                failure = e.code();
            } catch (ClassCastException | NullPointerException e) {
                failedAt = i;
                failure = ErrorCode.MARSHALLING_ERROR;
            }
        }
        if (failedAt < 0) {
            return commit(sessionId, cxid, OpCode.MULTI, new MultiTxn(txns, opCodes), nextZxid,
                    nowMillis);
        }
        view.discard();
        List<Txn> errors = new ArrayList<>();
        List<Integer> errorCodes = new ArrayList<>();
        for (int i = 0; i < multiOps.size(); i++) {
            ErrorCode code = i < failedAt ? ErrorCode.OK
                    : i == failedAt ? failure : ErrorCode.RUNTIME_INCONSISTENCY;
            errors.add(new ErrorTxn(code.code()));
            errorCodes.add(OpCode.ERROR);
        }
        long zxid = nextZxid.getAsLong();
        return new Prepared(new TxnHeader(sessionId, cxid, zxid, nowMillis, OpCode.MULTI),
                new MultiTxn(errors, errorCodes), ErrorCode.OK);
    }
}

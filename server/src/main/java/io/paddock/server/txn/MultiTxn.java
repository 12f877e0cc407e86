package io.paddock.server.txn;

import io.paddock.protocol.op.OpCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The ops of one multi, applied atomically under one zxid. {@code opCodes} holds each op's
 * request type (the client's result shape depends on it: create answers with a path,
 * create2 with a path and a stat); an {@link ErrorTxn} has {@link OpCode#ERROR}.
 *
 * <p>A multi that failed at prepare time holds only ErrorTxns: OK for the ops before the
 * failing one, its error, then RUNTIME_INCONSISTENCY for the rest, as ZooKeeper answers.
 * (ZooKeeper's log keeps the prepared txns of the ops before the failing one; applying a failed
 * multi turns them into OK results all the same, so the client sees the same answer.)
 */
public record MultiTxn(List<Txn> txns, List<Integer> opCodes) implements Txn {
    public MultiTxn {
        txns = List.copyOf(txns);
        opCodes = List.copyOf(opCodes);
        if (txns.size() != opCodes.size()) {
            throw new IllegalArgumentException(
                    txns.size() + " txns but " + opCodes.size() + " op codes");
        }
    }

    /** A multi whose op codes are inferred from the txns (creates become plain create). */
    public MultiTxn(List<Txn> txns) {
        this(txns, inferOpCodes(txns));
    }

    /** True when the multi failed at prepare time. */
    public boolean failed() {
        return txns.stream().anyMatch(t -> t instanceof ErrorTxn);
    }

    private static List<Integer> inferOpCodes(List<Txn> txns) {
        List<Integer> codes = new ArrayList<>(txns.size());
        for (Txn t : txns) {
            codes.add(opCodeOf(t));
        }
        return codes;
    }

    private static int opCodeOf(Txn t) {
        if (t instanceof CreateTxn) {
            return OpCode.CREATE;
        } else if (t instanceof DeleteTxn) {
            return OpCode.DELETE;
        } else if (t instanceof SetDataTxn) {
            return OpCode.SET_DATA;
        } else if (t instanceof SetAclTxn) {
            return OpCode.SET_ACL;
        } else if (t instanceof CheckVersionTxn) {
            return OpCode.CHECK;
        } else if (t instanceof ErrorTxn) {
            return OpCode.ERROR;
        } else if (t instanceof CreateSessionTxn) {
            return OpCode.CREATE_SESSION;
        } else if (t instanceof CloseSessionTxn) {
            return OpCode.CLOSE_SESSION;
        }
        return OpCode.MULTI;
    }
}

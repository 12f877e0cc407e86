package io.paddock.server.txn;

/** A state change as it is logged, replicated and applied: the output of the preparer. */
public sealed interface Txn permits CreateTxn, DeleteTxn, SetDataTxn, SetAclTxn,
        CheckVersionTxn, CreateSessionTxn, CloseSessionTxn, ErrorTxn, MultiTxn {
}

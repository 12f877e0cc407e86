package io.paddock.server.pipeline;

import io.paddock.server.txn.Txn;
import io.paddock.server.txn.TxnHeader;

/**
 * Runs on the apply thread just before a logged txn is applied to the tree; what it throws is
 * treated as the apply itself throwing. Tests use it to make apply fail; servers use
 * {@link #NONE}.
 */
@FunctionalInterface
public interface ApplyHook {
    ApplyHook NONE = (header, txn) -> { };

    void beforeApply(TxnHeader header, Txn txn);
}

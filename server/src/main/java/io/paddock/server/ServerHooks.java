package io.paddock.server;

import io.paddock.server.pipeline.ApplyHook;
import io.paddock.storage.log.TxnLog;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Ways into a server's internals for tests that must make storage or apply fail: wrap the txn
 * log the persist stage writes to, and run code before each txn is applied. A server started
 * without hooks uses {@link #NONE}; nothing else is configured this way.
 *
 * @param txnLog wraps the log the pipeline writes to (the identity for none)
 * @param beforeApply runs on the apply thread before each logged txn is applied
 */
public record ServerHooks(UnaryOperator<TxnLog> txnLog, ApplyHook beforeApply) {
    public static final ServerHooks NONE = new ServerHooks(UnaryOperator.identity(), ApplyHook.NONE);

    public ServerHooks {
        Objects.requireNonNull(txnLog, "txnLog");
        Objects.requireNonNull(beforeApply, "beforeApply");
    }

    public ServerHooks withTxnLog(UnaryOperator<TxnLog> wrap) {
        return new ServerHooks(wrap, beforeApply);
    }

    public ServerHooks withBeforeApply(ApplyHook hook) {
        return new ServerHooks(txnLog, hook);
    }
}

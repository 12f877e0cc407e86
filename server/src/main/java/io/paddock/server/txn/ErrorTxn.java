package io.paddock.server.txn;

/** A failed operation: inside a failed multi, one per op, carrying that op's error number. */
public record ErrorTxn(int err) implements Txn {
}

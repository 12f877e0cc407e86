package io.paddock.server.txn;

/**
 * A write that failed validation, carrying its error number: alone under a header of type
 * {@link io.paddock.protocol.op.OpCode#ERROR} (ZooKeeper's error txn, which takes a zxid and
 * changes nothing), or inside a failed multi, one per op.
 */
public record ErrorTxn(int err) implements Txn {
}

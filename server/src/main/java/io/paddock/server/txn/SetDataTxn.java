package io.paddock.server.txn;

/** Replaces a node's data; {@code version} is the node's new data version. */
public record SetDataTxn(String path, byte[] data, int version) implements Txn {
}

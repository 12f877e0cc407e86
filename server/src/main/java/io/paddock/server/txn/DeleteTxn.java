package io.paddock.server.txn;

/** Deletes a node (delete and deleteContainer). */
public record DeleteTxn(String path) implements Txn {
}

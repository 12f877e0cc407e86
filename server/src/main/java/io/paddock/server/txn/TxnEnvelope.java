package io.paddock.server.txn;

/** A header and its txn, as {@link TxnCodec} reads them back. */
public record TxnEnvelope(TxnHeader header, Txn txn) {
}

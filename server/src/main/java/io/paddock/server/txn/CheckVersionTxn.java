package io.paddock.server.txn;

/** A version check that passed at prepare time; changes nothing when applied. */
public record CheckVersionTxn(String path, int version) implements Txn {
}
